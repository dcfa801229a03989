# Sourced (from the repository's root) by the bench scripts that start the production jar: the servers ($DB on
# $PGHOST:$PGPORT as $PGUSER, Redis db $REDIS_DB) and every setting production refuses to start without
# (ops.ProductionSettings), with bench-only values. A script adds what its run needs (an SMS provider or none, ...).
export QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PGHOST:$PGPORT/$DB"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
export QUARKUS_DATASOURCE_USERNAME="$PGUSER"
export QUARKUS_REDIS_HOSTS="redis://127.0.0.1:6379/$REDIS_DB"
export GRIDCARE_PII_ID_HASH_SALT=bench-salt
export SMALLRYE_JWT_SIGN_KEY_LOCATION=dev-keys/resident-signing.pem
export MP_JWT_VERIFY_PUBLICKEY_LOCATION=dev-keys/resident-verify.pem
export GRIDCARE_BILLING_PAYMENT_CALLBACK_SECRET=bench-payment-secret
export GRIDCARE_SMS_CALLBACK_SECRET=bench-sms-receipt-secret
