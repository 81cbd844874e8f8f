package com.deleverage.admin.policycli;

import java.util.List;
import java.util.Map;

/** What a command reports, in each of the three formats a risk team reads or feeds to its CI. */
interface Report {
    List<String> textLines();

    Map<String, Object> json();

    String junit();

    default String render(Format format) {
        return switch (format) {
            case TEXT -> String.join(System.lineSeparator(), textLines());
            case JSON -> PolicyJson.write(json());
            case JUNIT -> junit();
        };
    }
}
