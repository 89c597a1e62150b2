package dev.corpusstats.cluster;

import dev.corpusstats.testing.TestFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * News-like text documents made from sentence templates with well-known people, places and
 * organizations, so that the NER model finds entities and the entity tables are not empty. The
 * same count always gives the same documents.
 */
final class SyntheticNews {
    private static final List<String> PEOPLE = List.of("Angela Merkel", "Barack Obama", "Theresa May",
            "Emmanuel Macron", "Hamid Karzai", "Vladimir Putin", "Shinzo Abe", "Justin Trudeau", "Ban Ki-moon",
            "Nicola Sturgeon", "Jacinda Ardern", "Xi Jinping");
    private static final List<String> PLACES = List.of("London", "Berlin", "Paris", "Kabul", "Moscow", "Tokyo",
            "Ottawa", "New York", "Geneva", "Brussels", "Edinburgh", "Beijing");
    private static final List<String> ORGS = List.of("the United Nations", "the European Union", "NATO",
            "the World Bank", "Reuters", "the Red Cross", "Google", "the International Monetary Fund");
    private static final List<String> TOPICS = List.of("trade talks", "climate policy", "the refugee crisis",
            "the election results", "energy prices", "peace negotiations", "interest rates", "border security");
    private static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday");
    private static final List<String> TEMPLATES = List.of(
            "{P} arrived in {L} on {D} for talks on {T}.",
            "Speaking to reporters in {L}, {P} said {O} would support new measures on {T}.",
            "{O} said in a statement that the meetings in {L} would continue next week.",
            "Officials from {O} met {P} and {Q} in {L} on {D}.",
            "{Q} told {O} that {L} was ready to host the summit on {T}.",
            "Critics in {L} said the plan on {T} did not go far enough.",
            "\"We will not give up,\" {P} said after a long meeting with {Q} in {L}.",
            "Markets in {L} rose 2 percent after {O} published new figures on {T}.",
            "According to {O}, the talks between {P} and {Q} ended without an agreement.",
            "Protesters gathered outside the parliament in {L} to demand action on {T}.",
            "{P} is expected to travel to {L} later this month, a spokesman for {O} said.",
            "The decision was welcomed by {Q}, who called it a turning point for {T}.");

    private SyntheticNews() {
    }

    /** Writes {@code count} documents, {@code news-000.txt} and up, into {@code dir}. */
    static void write(Path dir, int count) {
        Random random = new Random(20261129L);
        for (int d = 0; d < count; d++) {
            StringBuilder text = new StringBuilder();
            int sentences = 8 + random.nextInt(8);
            for (int s = 0; s < sentences; s++) {
                String p = pick(random, PEOPLE);
                String q = pick(random, PEOPLE);
                while (q.equals(p)) {
                    q = pick(random, PEOPLE);
                }
                String sentence = pick(random, TEMPLATES)
                        .replace("{P}", p).replace("{Q}", q).replace("{L}", pick(random, PLACES))
                        .replace("{O}", pick(random, ORGS)).replace("{T}", pick(random, TOPICS))
                        .replace("{D}", pick(random, DAYS));
                text.append(Character.toUpperCase(sentence.charAt(0))).append(sentence, 1, sentence.length()).append(' ');
            }
            TestFiles.write(dir, String.format("news-%03d.txt", d), text.toString().trim() + "\n");
        }
    }

    private static String pick(Random random, List<String> items) {
        return items.get(random.nextInt(items.size()));
    }
}
