package org.clusterlens.forms.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

final class Lexer {

    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String source;
    private int at;

    private Lexer(String source) {
        this.source = source;
    }

    static List<Token> tokens(String source) {
        Lexer lexer = new Lexer(source);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.kind() != Token.Kind.END);
        return tokens;
    }

    private Token next() {
        while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
            at++;
        }
        int start = at;
        if (at >= source.length()) {
            return new Token(Token.Kind.END, "", start);
        }
        char c = source.charAt(at);
        if (isDigit(c) || (c == '.' && at + 1 < source.length() && isDigit(source.charAt(at + 1)))) {
            return number(start);
        }
        if (c == '\'' || c == '"') {
            return string(start, c);
        }
        if (c == '$') {
            return reference(start);
        }
        if (isNameStart(c)) {
            // XPath names may contain '-', which is how count-selected and string-length are spelled.
            at++;
            while (at < source.length() && (isNameStart(source.charAt(at)) || isDigit(source.charAt(at))
                    || source.charAt(at) == '-' || isPrefixColon(start))) {
                at++;
            }
            return new Token(Token.Kind.NAME, source.substring(start, at), start);
        }
        at++;
        return switch (c) {
            case '.' -> {
                if (at < source.length() && source.charAt(at) == '.') {
                    at++;
                    yield new Token(Token.Kind.PARENT, "..", start);
                }
                yield new Token(Token.Kind.DOT, ".", start);
            }
            case '(' -> new Token(Token.Kind.OPEN, "(", start);
            case ')' -> new Token(Token.Kind.CLOSE, ")", start);
            case ',' -> new Token(Token.Kind.COMMA, ",", start);
            case '=', '+', '-', '*' -> new Token(Token.Kind.SYMBOL, String.valueOf(c), start);
            case '<', '>' -> symbolWithOptionalEquals(c, start);
            case '!' -> {
                if (at < source.length() && source.charAt(at) == '=') {
                    at++;
                    yield new Token(Token.Kind.SYMBOL, "!=", start);
                }
                throw new ExpressionSyntaxException("expected '!=' (use not(…) for negation)", start);
            }
            default -> throw new ExpressionSyntaxException(
                    "unexpected character '" + Character.toString(source.codePointAt(start)) + "'", start);
        };
    }

    private Token symbolWithOptionalEquals(char c, int start) {
        if (at < source.length() && source.charAt(at) == '=') {
            at++;
            return new Token(Token.Kind.SYMBOL, c + "=", start);
        }
        return new Token(Token.Kind.SYMBOL, String.valueOf(c), start);
    }

    private Token number(int start) {
        while (at < source.length() && isDigit(source.charAt(at))) {
            at++;
        }
        if (at < source.length() && source.charAt(at) == '.') {
            at++;
            while (at < source.length() && isDigit(source.charAt(at))) {
                at++;
            }
        }
        return new Token(Token.Kind.NUMBER, source.substring(start, at), start);
    }

    private Token string(int start, char quote) {
        int end = source.indexOf(quote, start + 1);
        if (end < 0) {
            throw new ExpressionSyntaxException("unterminated string", start);
        }
        at = end + 1;
        return new Token(Token.Kind.STRING, source.substring(start + 1, end), start);
    }

    private Token reference(int start) {
        if (at + 1 >= source.length() || source.charAt(at + 1) != '{') {
            throw new ExpressionSyntaxException("expected '{' after '$'", start + 1);
        }
        int end = source.indexOf('}', start + 2);
        if (end < 0) {
            throw new ExpressionSyntaxException("expected '}' to close ${", source.length());
        }
        String name = source.substring(start + 2, end);
        if (!NAME.matcher(name).matches()) {
            throw new ExpressionSyntaxException("invalid name '" + name + "' in ${…}", start + 2);
        }
        at = end + 1;
        return new Token(Token.Kind.REFERENCE, name, start);
    }

    /** XLSForms call {@code jr:choice-name}: a namespace prefix, only {@code jr:}. */
    private boolean isPrefixColon(int start) {
        return source.charAt(at) == ':' && source.startsWith("jr", start) && at == start + 2;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
}
