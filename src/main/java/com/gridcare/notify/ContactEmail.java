package com.gridcare.notify;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where e-mail reaches me: notices go there when I prefer e-mail or gridcare chooses it. */
public record ContactEmail(@Schema(example = "li.lei@example.com") String email) {
}
