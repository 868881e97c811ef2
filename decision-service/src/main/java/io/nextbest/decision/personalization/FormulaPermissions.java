package io.nextbest.decision.personalization;

import java.lang.reflect.Method;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * JEXL's {@code RESTRICTED} permissions (no reflection, I/O, threads, processes or class loading),
 * narrowed further so that {@code x.class} cannot even produce a {@link Class} object, and widened
 * by exactly one class: {@link FormulaFunctions}, the functions formulas may call.
 */
final class FormulaPermissions extends JexlPermissions.Delegate {

    FormulaPermissions() {
        super(JexlPermissions.RESTRICTED);
    }

    @Override
    public boolean allow(Package pack) {
        return pack == FormulaFunctions.class.getPackage() || super.allow(pack);
    }

    @Override
    public boolean allow(Class<?> clazz) {
        if (clazz == FormulaFunctions.class) {
            return true;
        }
        return clazz != Class.class && super.allow(clazz);
    }

    @Override
    public boolean allow(Method method) {
        if (method.getDeclaringClass() == FormulaFunctions.class) {
            return true;
        }
        return !"getClass".equals(method.getName()) && method.getDeclaringClass() != Class.class && super.allow(method);
    }
}
