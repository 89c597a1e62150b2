package dev.corpusstats.nlp.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corpusstats.nlp.CrfEntityRecognizer;
import dev.corpusstats.nlp.DocumentConsistency;
import dev.corpusstats.nlp.EntityRecognition;
import dev.corpusstats.nlp.EntitySpan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code jobs/eval-ner.sh --gold FILE [--json OUT] [--baseline]}: runs the job's entity recognizer
 * on a CoNLL file's gold tokens, document by document, and prints entity-level precision, recall
 * and F1 (exact span and type, as conlleval counts them), overall and per type, and tokens/s.
 * {@code --baseline} runs the bare CRF, without the expert model or the document-level steps;
 * {@code --no-expert}, {@code --misc-retype} and {@code --rules} choose the parts, to measure each one's gain. {@code --check-features} also
 * checks, on every token of the file, that the CRF's cached feature indices are the ones CoreNLP builds.
 */
public final class NerEvaluation {
    private NerEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        Path gold = null;
        Path json = null;
        boolean baseline = false;
        boolean noExpert = false;
        boolean miscRetype = false;
        boolean checkFeatures = false;
        Set<DocumentConsistency.Rule> rules = DocumentConsistency.ALL;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gold" -> gold = Path.of(args[++i]);
                case "--json" -> json = Path.of(args[++i]);
                case "--baseline" -> baseline = true;
                case "--no-expert" -> noExpert = true;
                case "--misc-retype" -> miscRetype = true;
                case "--check-features" -> checkFeatures = true;
                case "--rules" -> rules = parseRules(args[++i]);
                default -> {
                    System.err.println("eval-ner: unknown option " + args[i] + "\nusage: eval-ner --gold FILE [--json OUT] [--baseline] [--no-expert] [--misc-retype] [--rules LIST] [--check-features]");
                    System.exit(2);
                }
            }
        }
        if (gold == null || !gold.toFile().isFile()) {
            System.err.println("eval-ner: --gold FILE is required and must exist" + (gold == null ? "" : ": " + gold));
            System.exit(2);
        }
        CrfEntityRecognizer engine = new CrfEntityRecognizer(CrfEntityRecognizer.CONLL_4CLASS,
                baseline || noExpert ? null : CrfEntityRecognizer.ALL_3CLASS,
                baseline || !miscRetype ? null : CrfEntityRecognizer.ALL_3CLASS);
        EntityRecognition recognition = new EntityRecognition(engine, baseline ? Set.of() : rules);
        List<GoldDocument> documents = ConllReader.read(gold);
        evaluate(documents, recognition); // warm-up pass: JIT-compile the CRF before timing it
        Result result = evaluate(documents, recognition);
        System.out.println(format(gold, recognition.describe(), result));
        if (checkFeatures) {
            List<List<String>> sentences = new ArrayList<>();
            for (GoldDocument doc : documents) {
                for (List<GoldToken> sentence : doc.sentences()) {
                    sentences.add(sentence.stream().map(GoldToken::word).toList());
                }
            }
            engine.checkCachedFeatures(sentences).forEach((model, check) -> System.out.println(check == null
                    ? String.format("feature check: %s builds its features as CoreNLP does (not cached)", model)
                    : String.format("feature check: %s: %,d tokens, %,d of %,d cliques with other feature indices than CoreNLP's",
                            model, check[0], check[2], check[1])));
        }
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), toJson(gold, recognition.describe(), result));
        }
    }

    private static Set<DocumentConsistency.Rule> parseRules(String list) {
        Set<DocumentConsistency.Rule> rules = EnumSet.noneOf(DocumentConsistency.Rule.class);
        for (String name : list.split(",")) {
            if (!name.isBlank() && !name.strip().equalsIgnoreCase("none")) {
                rules.add(DocumentConsistency.Rule.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            }
        }
        return rules;
    }

    /** Scores and speed of one evaluation. */
    public record Result(NerScores scores, long tokens, double seconds) {
        public double tokensPerSecond() {
            return tokens / seconds;
        }
    }

    public static Result evaluate(List<GoldDocument> documents, EntityRecognition recognition) {
        NerScorer scorer = new NerScorer();
        long tokens = 0;
        long start = System.nanoTime();
        for (GoldDocument doc : documents) {
            List<List<String>> words = new ArrayList<>();
            List<List<EntitySpan>> gold = new ArrayList<>();
            for (List<GoldToken> sentence : doc.sentences()) {
                words.add(sentence.stream().map(GoldToken::word).toList());
                gold.add(Spans.of(sentence.stream().map(GoldToken::tag).toList()));
                tokens += sentence.size();
            }
            List<List<EntitySpan>> predicted = recognition.recognize(words);
            for (int i = 0; i < gold.size(); i++) {
                scorer.add(gold.get(i), predicted.get(i));
            }
        }
        return new Result(scorer.scores(), tokens, (System.nanoTime() - start) / 1e9);
    }

    static String format(Path gold, String recognizer, Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("gold: %s%nrecognizer: %s%n%-8s %9s %9s %9s %7s %7s %7s%n", gold, recognizer,
                "type", "precision", "recall", "f1", "gold", "pred", "correct"));
        for (Map.Entry<String, Prf> e : r.scores().perType().entrySet()) {
            out.append(row(e.getKey(), e.getValue()));
        }
        out.append(row("overall", r.scores().overall()));
        out.append(String.format("%,d tokens in %.1f s: %,.0f tokens/s (one thread, after a warm-up pass)%n",
                r.tokens(), r.seconds(), r.tokensPerSecond()));
        return out.toString();
    }

    private static String row(String name, Prf p) {
        return String.format("%-8s %9.4f %9.4f %9.4f %7d %7d %7d%n", name, p.precision(), p.recall(), p.f1(),
                p.gold(), p.predicted(), p.correct());
    }

    static ObjectNode toJson(Path gold, String recognizer, Result r) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("gold", gold.toString());
        root.put("recognizer", recognizer);
        root.set("overall", prf(mapper, r.scores().overall()));
        ObjectNode perType = root.putObject("per_type");
        r.scores().perType().forEach((type, p) -> perType.set(type, prf(mapper, p)));
        root.put("tokens", r.tokens());
        root.put("seconds", r.seconds());
        root.put("tokens_per_second", r.tokensPerSecond());
        return root;
    }

    private static ObjectNode prf(ObjectMapper mapper, Prf p) {
        ObjectNode node = mapper.createObjectNode();
        node.put("precision", p.precision());
        node.put("recall", p.recall());
        node.put("f1", p.f1());
        node.put("gold", p.gold());
        node.put("predicted", p.predicted());
        node.put("correct", p.correct());
        return node;
    }
}
