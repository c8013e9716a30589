package io.watchmen.core.kernel.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** String-function chains in a path segment, e.g. {@code &replace(l,L)|&upper} (spec 3.3). */
final class StringFunctions {

    private static final Set<String> NAMES = Set.of("len", "slice", "find", "index", "startswith", "endswith",
            "contains", "strip", "replace", "upper", "lower", "split");
    private static final Set<String> EMPTY_ARGUMENTS_ALLOWED = Set.of("split", "slice", "replace");

    private StringFunctions() {
    }

    private record Call(String name, List<String> arguments) {
    }

    static Object apply(Object value, String segment) {
        List<Call> chain = parse(segment);
        if (chain == null) {
            // not a chain: an ordinary key that happens to start with '&'
            if (value instanceof Map<?, ?> map) {
                return map.get(segment);
            }
            throw Values.invalid("Cannot retrieve[key=" + segment + "] from [" + Values.text(value) + "].");
        }
        if (!(value instanceof String)) {
            throw Values.invalid("String function[" + segment + "] is not supported on value["
                    + Values.text(value) + "], type=" + Values.typeName(value) + ".");
        }
        Object result = value;
        for (Call call : chain) {
            if (!(result instanceof String text)) {
                throw Values.invalid("String function[&" + call.name() + "] requires a string, current is ["
                        + Values.text(result) + "].");
            }
            result = call(text, call);
        }
        return result;
    }

    /** The chain, or null when some token is not a supported function. */
    private static List<Call> parse(String segment) {
        String compact = segment.replace(" ", "");
        List<Call> calls = new ArrayList<>();
        for (String token : compact.split("\\|")) {
            if (!token.startsWith("&")) {
                return null;
            }
            int open = token.indexOf('(');
            String name = open < 0 ? token.substring(1) : token.substring(1, open);
            if (!NAMES.contains(name)) {
                return null;
            }
            List<String> arguments = List.of();
            if (open >= 0) {
                if (!token.endsWith(")")) {
                    throw Values.invalid("Incorrect string function[" + token + "].");
                }
                arguments = Arrays.asList(token.substring(open + 1, token.length() - 1).split(",", -1));
                if (!EMPTY_ARGUMENTS_ALLOWED.contains(name) && arguments.stream().anyMatch(String::isEmpty)) {
                    throw Values.invalid("Empty argument is not allowed in string function[" + token + "].");
                }
            }
            calls.add(new Call(name, arguments));
        }
        return calls;
    }

    private static Object call(String text, Call call) {
        List<String> args = call.arguments();
        switch (call.name()) {
            case "len":
                return text.length();
            case "slice": {
                int length = text.length();
                Integer start = args.size() > 0 && !args.get(0).isEmpty() ? Integer.parseInt(args.get(0)) : null;
                Integer end = args.size() > 1 && !args.get(1).isEmpty() ? Integer.parseInt(args.get(1)) : null;
                int from = start == null ? 0 : clampIndex(start, length);
                int to = end == null ? length : clampIndex(end, length);
                return from >= to ? "" : text.substring(from, to);
            }
            case "find":
                return text.indexOf(argument(args, 0));
            case "index": {
                int index = text.indexOf(argument(args, 0));
                if (index < 0) {
                    throw Values.invalid("Substring[" + argument(args, 0) + "] not found in [" + text + "].");
                }
                return index;
            }
            case "startswith":
                return text.startsWith(argument(args, 0));
            case "endswith":
                return text.endsWith(argument(args, 0));
            case "contains":
                return text.contains(argument(args, 0));
            case "strip":
                return args.isEmpty() ? text.strip() : strip(text, argument(args, 0));
            case "replace":
                return text.replace(argument(args, 0), argument(args, 1));
            case "upper":
                return text.toUpperCase();
            case "lower":
                return text.toLowerCase();
            case "split": {
                String separator = args.isEmpty() || args.get(0).isEmpty() ? "," : args.get(0);
                return new ArrayList<Object>(Arrays.asList(text.split(java.util.regex.Pattern.quote(separator), -1)));
            }
            default:
                throw Values.invalid("Unsupported string function[" + call.name() + "].");
        }
    }

    private static String argument(List<String> args, int index) {
        if (args.size() <= index) {
            throw Values.invalid("Missing argument " + (index + 1) + " of string function.");
        }
        return args.get(index);
    }

    private static int clampIndex(int index, int length) {
        int resolved = index < 0 ? length + index : index;
        return Math.max(0, Math.min(length, resolved));
    }

    private static String strip(String text, String chars) {
        int start = 0;
        int end = text.length();
        while (start < end && chars.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && chars.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }
}
