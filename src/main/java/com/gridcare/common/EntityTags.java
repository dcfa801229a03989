package com.gridcare.common;

import java.io.IOException;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Strong ETags and conditional GET for cacheable reads: every successful GET that carries {@code Cache-Control}
 * (from {@code @Cache} on the resource method) gets an ETag from the SHA-256 of its JSON, and a request whose
 * {@code If-None-Match} names it gets 304 without a body. A private response also gets {@code Vary: Authorization},
 * so a shared cache never serves one resident's answer to another.
 * <p>
 * The body is serialized here once and handed on as bytes, so the tag costs a hash, not a second serialization.
 */
public class EntityTags {

    /** 128 bits of the digest, in hex: plenty to tell two versions of one resource apart. */
    private static final int TAG_HEX_LENGTH = 32;

    private final ObjectMapper mapper;

    public EntityTags(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        Object cacheControl = response.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL);
        if (cacheControl == null || response.getStatus() != 200 || !response.hasEntity()
                || !HttpMethod.GET.equals(request.getMethod()) || !isJson(response.getMediaType())) {
            return;
        }
        if (isPrivate(cacheControl)) {
            response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
        }
        byte[] body = mapper.writeValueAsBytes(response.getEntity());
        String tag = '"' + Sha256.hex(body).substring(0, TAG_HEX_LENGTH) + '"';
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        } else {
            // The generic type is what picks the writer: bytes go out as they are, not as JSON of a byte array.
            response.setEntity(new GenericEntity<>(body, byte[].class));
        }
    }

    /** Only JSON answers are tagged: the console's HTML pages are rendered by their own writer and never cached. */
    private static boolean isJson(MediaType type) {
        return type != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(type);
    }

    private static boolean isPrivate(Object cacheControl) {
        return cacheControl instanceof CacheControl parsed ? parsed.isPrivate()
                : cacheControl.toString().contains("private");
    }

    /** {@code If-None-Match} is {@code *} or a list of tags, each possibly weak ({@code W/"..."}): weak comparison. */
    private static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || trimmed.equals(tag) || trimmed.equals("W/" + tag)) {
                return true;
            }
        }
        return false;
    }
}
