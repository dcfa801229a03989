package com.gridcare.faq;

import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * The resident behind a WeChat follower. WeChat owns its followers and implements this; the bot sits below WeChat and
 * asks through this interface, and only when an answer needs the resident: most chat questions do not, and a look-up
 * per message would cost the portal a database round trip each.
 */
public interface FollowerResidents {

    /** The follower's resident, if they became one (signed in to an H5 page, or were handed to a person). */
    Uni<Optional<Long>> residentOf(String appid, String openid);

    /** The follower's resident, made for a new person: a hand-over to staff needs one. */
    Uni<Long> residentFor(String appid, String openid);
}
