package io.nextbest.model.event;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Lookup of an enum constant by its wire name, rejecting unknown values with a message naming them. */
final class WireEnums {

    private WireEnums() {
    }

    static <E extends Enum<E>> E fromWire(Class<E> type, String field, String wire, Function<E, String> wireName) {
        for (E constant : type.getEnumConstants()) {
            if (wireName.apply(constant).equals(wire)) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(wireName).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown " + field + " '" + wire + "': expected one of " + allowed);
    }
}
