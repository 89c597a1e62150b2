package dev.corpusstats.ingest;

/** Placeholder until the NLP core's blank check lands. */
final class TextChecks {
    private TextChecks() {
    }

    static boolean isBlank(CharSequence s) {
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            if (!(Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
