package com.deleverage.engine.lint;

/**
 * DRL text with comments and string literals blanked out (replaced by spaces, newlines kept), so a
 * search for forbidden code neither trips on a rule name like "System halt" nor loses line and column.
 */
public final class CodeText {
    private CodeText() {
    }

    public static String of(String drl) {
        char[] out = drl.toCharArray();
        int i = 0;
        while (i < out.length) {
            char c = out[i];
            char next = i + 1 < out.length ? out[i + 1] : '\0';
            if (c == '/' && next == '/') {
                i = blankUntil(out, i, "\n");
            } else if (c == '/' && next == '*') {
                i = blankUntil(out, i, "*/");
            } else if (c == '"' || c == '\'') {
                i = blankString(out, i, c);
            } else {
                i++;
            }
        }
        return new String(out);
    }

    private static int blankUntil(char[] text, int from, String end) {
        int i = from;
        while (i < text.length && !startsWith(text, i, end)) {
            blank(text, i++);
        }
        if (!end.equals("\n")) {
            for (int k = 0; k < end.length() && i < text.length; k++) {
                blank(text, i++);
            }
        }
        return i;
    }

    private static int blankString(char[] text, int from, char quote) {
        int i = from + 1;
        while (i < text.length && text[i] != quote && text[i] != '\n') {
            if (text[i] == '\\' && i + 1 < text.length) {
                blank(text, i++);
            }
            blank(text, i++);
        }
        return i + 1;
    }

    private static void blank(char[] text, int i) {
        if (text[i] != '\n') {
            text[i] = ' ';
        }
    }

    private static boolean startsWith(char[] text, int at, String prefix) {
        if (at + prefix.length() > text.length) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (text[at + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
