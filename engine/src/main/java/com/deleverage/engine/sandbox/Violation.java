package com.deleverage.engine.sandbox;

/**
 * One use of something outside the allow-list, located in the generated class.
 *
 * @param className the generated class ({@code rules.Rule_x123}), as Drools named it
 * @param method    the method of that class, or null for the class itself
 * @param javaLine  the line in the generated Java source, or 0
 * @param message   what was used, in the policy author's terms
 */
record Violation(String className, String method, int javaLine, String message) {
}
