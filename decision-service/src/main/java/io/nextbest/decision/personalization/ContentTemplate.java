package io.nextbest.decision.personalization;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{token}}} placeholders in a creative's content. A token is a bare name (an offer
 * custom field or a computed field) or a dotted path ({@code customer.first_name},
 * {@code attributes.tier}, {@code offer.name}); {@code {{token|fallback}}} gives the text used when
 * the token has no value. A token without value and fallback becomes empty text and is noted in
 * the trace, so a customer never sees raw braces. Decimals are rendered plainly ({@code 18.99}).
 */
public final class ContentTemplate {

    private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*(?:\\|([^}]*))?}}");

    private ContentTemplate() {
    }

    public static Map<String, String> fill(Map<String, String> content, Map<String, Object> variables, List<String> notes) {
        Map<String, String> filled = new LinkedHashMap<>();
        content.forEach((key, template) -> filled.put(key, template == null ? null : fill(template, variables, notes)));
        return filled;
    }

    static String fill(String template, Map<String, Object> variables, List<String> notes) {
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = resolve(m.group(1), variables);
            String text;
            if (value != null) {
                text = value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(value);
            } else if (m.group(2) != null) {
                text = m.group(2).trim();
            } else {
                text = "";
                notes.add("token {{" + m.group(1) + "}} has no value");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Object resolve(String path, Map<String, Object> variables) {
        if (variables.containsKey(path)) {
            return variables.get(path);
        }
        Object current = variables;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
