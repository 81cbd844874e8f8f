package com.deleverage.admin.policycli;

/** How a {@code policy} command prints its result: for a person, for a program, or for a CI server's test view. */
public enum Format {
    TEXT, JSON, JUNIT
}
