package dev.corpusstats.nlp.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corpusstats.config.Arguments;
import dev.corpusstats.config.ConfigException;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.nlp.EntityEngines;
import dev.corpusstats.nlp.crf.CrfModels;
import dev.corpusstats.nlp.entities.DocumentConsistency;
import dev.corpusstats.nlp.entities.EntityKeys;
import dev.corpusstats.nlp.entities.EntityRecognition;
import dev.corpusstats.nlp.entities.EntitySettings;
import dev.corpusstats.nlp.entities.EntitySpan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code jobs/eval-ner.sh --gold FILE [--json OUT] [--baseline]}: runs the job's entity recognizer
 * on a CoNLL file's gold tokens, document by document, and prints entity-level precision, recall
 * and F1 (exact span and type, as conlleval counts them), overall and per type, and tokens/s.
 * {@code --baseline} runs the bare CRF, without the expert model or the document-level steps;
 * {@code --no-expert}, {@code --misc-retype} and {@code --rules} choose the parts, to measure each
 * one's gain. {@code --check-features} also checks, on every token of the file, that the CRF's
 * cached feature indices are the ones CoreNLP builds ({@link CrfFeatureCheck}).
 */
public final class NerEvaluation {
    private NerEvaluation() {
    }

    static final String USAGE = "usage: eval-ner --gold FILE [--json OUT] [--baseline] [--no-expert] [--misc-retype]"
            + " [--rules LIST] [--check-features]";

    /** What to evaluate, as the command line chose it. */
    record Options(Path gold, Path json, boolean baseline, boolean noExpert, boolean miscRetype, boolean checkFeatures,
                   Set<DocumentConsistency.Rule> rules) {

        static Options parse(List<String> args) {
            Path gold = null;
            Path json = null;
            boolean baseline = false;
            boolean noExpert = false;
            boolean miscRetype = false;
            boolean checkFeatures = false;
            Set<DocumentConsistency.Rule> rules = DocumentConsistency.ALL;
            Arguments options = new Arguments(args);
            while (options.hasNext()) {
                String option = options.next();
                switch (option) {
                    case "--gold" -> gold = options.path(option);
                    case "--json" -> json = options.path(option);
                    case "--baseline" -> baseline = true;
                    case "--no-expert" -> noExpert = true;
                    case "--misc-retype" -> miscRetype = true;
                    case "--check-features" -> checkFeatures = true;
                    case "--rules" -> rules = parseRules(options.value(option));
                    default -> throw new ConfigException("unknown option " + option);
                }
            }
            if (gold == null || !Files.isRegularFile(gold)) {
                throw new ConfigException("--gold FILE is required and must exist" + (gold == null ? "" : ": " + gold));
            }
            return new Options(gold, json, baseline, noExpert, miscRetype, checkFeatures, rules);
        }

        /** The job's default models, with the parts the options leave out removed; re-typing by the 3-class model. */
        EntitySettings entitySettings() {
            JobConfig.Entities defaults = new JobConfig.Entities();
            return new EntitySettings(defaults.model, baseline || noExpert ? null : defaults.expertModel,
                    baseline || !miscRetype ? null : JobConfig.Entities.ALL_3CLASS, false, EntityKeys.withoutAliases());
        }
    }

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(List.of(args));
        } catch (ConfigException e) {
            System.err.println("eval-ner: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        EntitySettings settings = options.entitySettings();
        EntityRecognition recognition = new EntityRecognition(EntityEngines.recognizer(settings),
                options.baseline() ? Set.of() : options.rules());
        List<GoldDocument> documents = ConllReader.read(options.gold());
        evaluate(documents, recognition); // warm-up pass: JIT-compile the CRF before timing it
        Result result = evaluate(documents, recognition);
        System.out.println(format(options.gold(), recognition.describe(), result));
        if (options.checkFeatures()) {
            List<List<String>> sentences = new ArrayList<>();
            for (GoldDocument doc : documents) {
                for (List<GoldToken> sentence : doc.sentences()) {
                    sentences.add(sentence.stream().map(GoldToken::word).toList());
                }
            }
            for (String model : new LinkedHashSet<>(Stream.of(settings.model(), settings.expertModel(), settings.miscModel())
                    .filter(Objects::nonNull).toList())) {
                CrfFeatureCheck check = CrfFeatureCheck.of(model, sentences);
                System.out.println(check == null
                        ? String.format("feature check: %s builds its features as CoreNLP does (not cached)", CrfModels.fileName(model))
                        : check.describe());
            }
        }
        if (options.json() != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.json().toFile(),
                    toJson(options.gold(), recognition.describe(), result));
        }
    }

    private static Set<DocumentConsistency.Rule> parseRules(String list) {
        Set<DocumentConsistency.Rule> rules = EnumSet.noneOf(DocumentConsistency.Rule.class);
        for (String name : list.split(",")) {
            if (name.isBlank() || name.strip().equalsIgnoreCase("none")) {
                continue;
            }
            try {
                rules.add(DocumentConsistency.Rule.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("unknown rule '" + name.strip() + "' in --rules; rules: "
                        + Arrays.stream(DocumentConsistency.Rule.values()).map(r -> r.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")) + ", none");
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
