package com.gridcare.faq;

import io.smallrye.mutiny.Uni;

/**
 * The resident behind a WeChat follower, made for a new person: a hand-over to staff needs one. WeChat owns its
 * followers and implements this; the bot sits below WeChat and asks through this interface.
 */
public interface FollowerResidents {

    Uni<Long> residentFor(String appid, String openid);
}
