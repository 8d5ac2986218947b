package dev.slim4j.ir;

import java.util.ArrayList;
import java.util.List;

/** The tokens of {@link GraphPrinter}'s text form, with line numbers for error messages. */
final class GraphTokens {
    enum Kind { WORD, STRING, PUNCT, NEWLINE, EOF }

    record Token(Kind kind, String text, int line) {
        boolean is(String punct) { return kind == Kind.PUNCT && text.equals(punct); }

        boolean isWord(String w) { return kind == Kind.WORD && text.equals(w); }

        String describe() {
            return switch (kind) {
                case NEWLINE -> "end of line";
                case EOF -> "end of text";
                case STRING -> "\"" + text + "\"";
                default -> "'" + text + "'";
            };
        }
    }

    private final List<Token> tokens;
    private int pos;

    GraphTokens(String text) { this.tokens = lex(text); }

    Token peek() { return tokens.get(pos); }

    Token peek(int ahead) { return tokens.get(Math.min(pos + ahead, tokens.size() - 1)); }

    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) pos++;
        return t;
    }

    boolean accept(String punct) {
        if (!peek().is(punct)) return false;
        pos++;
        return true;
    }

    void expect(String punct) {
        Token t = next();
        if (!t.is(punct)) throw error(t, "'" + punct + "'");
    }

    /** A value, op or attribute name: a bare word or a quoted string. */
    String name() {
        Token t = next();
        if (t.kind() != Kind.WORD && t.kind() != Kind.STRING) throw error(t, "a name");
        return t.text();
    }

    static IllegalArgumentException error(Token found, String expected) {
        return new IllegalArgumentException("line " + found.line() + ": expected " + expected + ", found " + found.describe());
    }

    private static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                out.add(new Token(Kind.NEWLINE, "\n", line++));
                i++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '#') {
                while (i < s.length() && s.charAt(i) != '\n') i++;
            } else if (c == '"') {
                i = string(s, i, line, out);
            } else if (s.startsWith("->", i) || s.startsWith("::", i)) {
                out.add(new Token(Kind.PUNCT, s.substring(i, i + 2), line));
                i += 2;
            } else if (isWordStart(s, i)) {
                i = word(s, i, line, out);
            } else if ("()[]{},:=*?".indexOf(c) >= 0) {
                out.add(new Token(Kind.PUNCT, String.valueOf(c), line));
                i++;
            } else {
                throw new IllegalArgumentException("line " + line + ": unexpected character '" + c + "'");
            }
        }
        out.add(new Token(Kind.EOF, "", line));
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '/';
    }

    private static boolean isWordStart(String s, int i) {
        char c = s.charAt(i);
        return isWordChar(c) || c == '-' && i + 1 < s.length() && isWordChar(s.charAt(i + 1));
    }

    private static int word(String s, int start, int line, List<Token> out) {
        int i = start + 1;
        boolean numeric = Character.isDigit(s.charAt(start)) || s.charAt(start) == '-';
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean exponentSign = numeric && (c == '-' || c == '+') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E');
            if (!isWordChar(c) && !exponentSign) break;
            i++;
        }
        out.add(new Token(Kind.WORD, s.substring(start, i), line));
        return i;
    }

    private static int string(String s, int start, int line, List<Token> out) {
        StringBuilder sb = new StringBuilder();
        int i = start + 1;
        while (i < s.length() && s.charAt(i) != '"') {
            char c = s.charAt(i);
            if (c == '\n') break;
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                sb.append(e == 'n' ? '\n' : e);
            } else {
                sb.append(c);
            }
            i++;
        }
        if (i >= s.length() || s.charAt(i) != '"') {
            throw new IllegalArgumentException("line " + line + ": expected a closing '\"' for the string started here");
        }
        out.add(new Token(Kind.STRING, sb.toString(), line));
        return i + 1;
    }
}
