package com.deleverage.engine.sandbox;

import org.drools.core.rule.consequence.KnowledgeHelper;
import org.kie.api.runtime.rule.FactHandle;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Map;

/**
 * What policy code calls instead of the few library methods whose cost depends on their arguments: the
 * sandbox rewrites each call of such a method in a policy class into a call of the method of the same
 * name here, whose first parameter is the original receiver. Each checks the arguments against the
 * evaluation's {@link SandboxLimits} before doing the work, so a decimal with a billion digits, a string of
 * a billion characters or a billion inserted facts is refused instead of computed.
 */
public final class PolicyGuards {
    private PolicyGuards() {
    }

    // ---- facts

    public static FactHandle insert(KnowledgeHelper drools, Object fact) {
        Fuel.meter().fact();
        return drools.insert(fact);
    }

    public static FactHandle insert(KnowledgeHelper drools, Object fact, boolean dynamic) {
        Fuel.meter().fact();
        return drools.insert(fact, dynamic);
    }

    public static FactHandle insertLogical(KnowledgeHelper drools, Object fact) {
        Fuel.meter().fact();
        return drools.insertLogical(fact);
    }

    // ---- text

    public static String text(String s) {
        if (s != null) {
            Meter meter = Fuel.meter();
            if (s.length() > meter.limits().maxTextLength()) {
                throw textLimit(meter);
            }
            meter.spend(1 + s.length() / 2);
        }
        return s;
    }

    public static String concat(String s, String other) {
        return text(s.concat(other));
    }

    public static String repeat(String s, int count) {
        if ((long) s.length() * count > Fuel.meter().limits().maxTextLength()) {
            throw textLimit(Fuel.meter());
        }
        return text(s.repeat(count));
    }

    public static StringBuilder append(StringBuilder sb, String s) {
        int before = sb.length();
        return grown(sb.append(s), before);
    }

    public static StringBuilder append(StringBuilder sb, Object o) {
        int before = sb.length();
        return grown(sb.append(o), before);
    }

    public static StringBuilder append(StringBuilder sb, CharSequence s) {
        int before = sb.length();
        return grown(sb.append(s), before);
    }

    public static StringBuilder append(StringBuilder sb, char c) {
        int before = sb.length();
        return grown(sb.append(c), before);
    }

    public static StringBuilder append(StringBuilder sb, int i) {
        int before = sb.length();
        return grown(sb.append(i), before);
    }

    public static StringBuilder append(StringBuilder sb, long l) {
        int before = sb.length();
        return grown(sb.append(l), before);
    }

    public static StringBuilder append(StringBuilder sb, double d) {
        int before = sb.length();
        return grown(sb.append(d), before);
    }

    public static StringBuilder append(StringBuilder sb, boolean b) {
        int before = sb.length();
        return grown(sb.append(b), before);
    }

    /** Text costs by its length: a character is half a unit of fuel, so memory filled with text is bounded too. */
    private static StringBuilder grown(StringBuilder sb, int before) {
        Meter meter = Fuel.meter();
        if (sb.length() > meter.limits().maxTextLength()) {
            throw textLimit(meter);
        }
        meter.spend(1 + (sb.length() - before) / 2);
        return sb;
    }

    public static String replace(String s, CharSequence target, CharSequence replacement) {
        // Each match may grow the text: count the matches first, so a 64 KiB text times a 64 KiB
        // replacement is refused before it is built.
        String find = target.toString();
        long matches = 0;
        if (find.isEmpty()) {
            matches = s.length() + 1L;
        } else {
            for (int at = s.indexOf(find); at >= 0; at = s.indexOf(find, at + find.length())) {
                matches++;
            }
        }
        if (s.length() + matches * (replacement.length() - find.length()) > Fuel.meter().limits().maxTextLength()) {
            throw textLimit(Fuel.meter());
        }
        return text(s.replace(target, replacement));
    }

    public static String replace(String s, char oldChar, char newChar) {
        return s.replace(oldChar, newChar);
    }

    private static PolicyLimitError textLimit(Meter meter) {
        return new PolicyLimitError(PolicyLimitError.Limit.TEXT, "policy code built a string longer than "
                + meter.limits().maxTextLength() + " characters");
    }

    // ---- collections: copying costs what it copies

    public static boolean addAll(Collection<Object> target, Collection<?> source) {
        Fuel.meter().spend(source.size());
        return target.addAll(source);
    }

    public static void putAll(Map<Object, Object> target, Map<?, ?> source) {
        Fuel.meter().spend(source.size());
        target.putAll(source);
    }

    // ---- decimals: operands and scales are bounded before the work is done

    public static BigDecimal add(BigDecimal a, BigDecimal b) {
        return result(decimal(a).add(decimal(b)));
    }

    public static BigDecimal add(BigDecimal a, BigDecimal b, MathContext mc) {
        return result(decimal(a).add(decimal(b), context(mc)));
    }

    public static BigDecimal subtract(BigDecimal a, BigDecimal b) {
        return result(decimal(a).subtract(decimal(b)));
    }

    public static BigDecimal subtract(BigDecimal a, BigDecimal b, MathContext mc) {
        return result(decimal(a).subtract(decimal(b), context(mc)));
    }

    public static BigDecimal multiply(BigDecimal a, BigDecimal b) {
        return result(decimal(a).multiply(decimal(b)));
    }

    public static BigDecimal multiply(BigDecimal a, BigDecimal b, MathContext mc) {
        return result(decimal(a).multiply(decimal(b), context(mc)));
    }

    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return result(decimal(a).divide(decimal(b)));
    }

    public static BigDecimal divide(BigDecimal a, BigDecimal b, RoundingMode mode) {
        return result(decimal(a).divide(decimal(b), mode));
    }

    public static BigDecimal divide(BigDecimal a, BigDecimal b, int scale, RoundingMode mode) {
        return result(decimal(a).divide(decimal(b), scale(scale), mode));
    }

    public static BigDecimal divide(BigDecimal a, BigDecimal b, int scale, int mode) {
        return divide(a, b, scale, RoundingMode.valueOf(mode));
    }

    public static BigDecimal divide(BigDecimal a, BigDecimal b, MathContext mc) {
        return result(decimal(a).divide(decimal(b), context(mc)));
    }

    public static BigDecimal remainder(BigDecimal a, BigDecimal b) {
        return result(decimal(a).remainder(decimal(b)));
    }

    public static BigDecimal divideToIntegralValue(BigDecimal a, BigDecimal b) {
        return result(decimal(a).divideToIntegralValue(decimal(b)));
    }

    public static BigDecimal setScale(BigDecimal a, int scale) {
        return result(decimal(a).setScale(scale(scale)));
    }

    public static BigDecimal setScale(BigDecimal a, int scale, RoundingMode mode) {
        return result(decimal(a).setScale(scale(scale), mode));
    }

    public static BigDecimal setScale(BigDecimal a, int scale, int mode) {
        return setScale(a, scale, RoundingMode.valueOf(mode));
    }

    public static BigDecimal movePointLeft(BigDecimal a, int n) {
        return result(decimal(a).movePointLeft(scale(n)));
    }

    public static BigDecimal movePointRight(BigDecimal a, int n) {
        return result(decimal(a).movePointRight(scale(n)));
    }

    public static BigDecimal scaleByPowerOfTen(BigDecimal a, int n) {
        return result(decimal(a).scaleByPowerOfTen(scale(n)));
    }

    public static BigDecimal pow(BigDecimal a, int n) {
        int digits = Fuel.meter().limits().maxDecimalDigits();
        if (n < 0 || (long) decimal(a).precision() * n > digits || (long) Math.abs(a.scale()) * n > digits) {
            throw decimalLimit("pow(" + n + ") of a decimal of " + a.precision() + " digits");
        }
        return result(a.pow(n));
    }

    public static BigDecimal round(BigDecimal a, MathContext mc) {
        return result(decimal(a).round(context(mc)));
    }

    public static BigDecimal valueOf(long unscaled, int scale) {
        return result(BigDecimal.valueOf(unscaled, scale(scale)));
    }

    public static String toPlainString(BigDecimal a) {
        return text(decimal(a).toPlainString());
    }

    public static String toString(BigDecimal a) {
        return text(decimal(a).toString());
    }

    public static String toEngineeringString(BigDecimal a) {
        return text(decimal(a).toEngineeringString());
    }

    /**
     * Every decimal policy code obtains - constructed, returned by the engine's math or by its own code -
     * passes here, so none larger than the limit ever reaches an operation the sandbox does not meter.
     */
    public static BigDecimal bounded(BigDecimal a) {
        return decimal(a);
    }

    private static BigDecimal decimal(BigDecimal a) {
        int digits = Fuel.meter().limits().maxDecimalDigits();
        if (a != null && (Math.abs((long) a.scale()) > digits || a.precision() > digits)) {
            throw decimalLimit("a decimal of " + a.precision() + " digits and scale " + a.scale());
        }
        return a;
    }

    private static BigDecimal result(BigDecimal a) {
        Fuel.meter().spend(1);
        return decimal(a);
    }

    private static int scale(int scale) {
        if (Math.abs((long) scale) > Fuel.meter().limits().maxDecimalDigits()) {
            throw decimalLimit("a scale of " + scale);
        }
        return scale;
    }

    private static MathContext context(MathContext mc) {
        if (mc.getPrecision() > Fuel.meter().limits().maxDecimalDigits()) {
            throw decimalLimit("a precision of " + mc.getPrecision());
        }
        return mc;
    }

    private static PolicyLimitError decimalLimit(String what) {
        return new PolicyLimitError(PolicyLimitError.Limit.DECIMAL, "policy code asked for " + what
                + "; decimals are limited to " + Fuel.meter().limits().maxDecimalDigits() + " digits and scale");
    }
}
