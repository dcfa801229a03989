package com.gridcare.common;

import io.smallrye.config.ConfigMapping;

/** Personal-data settings, shared by the features that hash ID-card numbers (importing and generating customers). */
@ConfigMapping(prefix = "gridcare.pii")
public interface PiiConfig {

    /** Salt for the one-way hash of ID-card numbers; a secret, set from the environment in production. */
    String idHashSalt();
}
