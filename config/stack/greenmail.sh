# shellcheck shell=bash
# GreenMail: SMTP sink on 127.0.0.1:$SMTP_PORT (set in wildfly.sh, whose mail session sends
# there), any address accepted (auth disabled), mail readable through its REST API and over IMAP
# on 127.0.0.1:$GREENMAIL_IMAP_PORT (user and password: the address).

GREENMAIL_VERSION=2.1.13
GREENMAIL_API_PORT=${GREENMAIL_API_PORT:-8380}
GREENMAIL_IMAP_PORT=${GREENMAIL_IMAP_PORT:-3143}

greenmail_ready() { http_ok "http://127.0.0.1:$GREENMAIL_API_PORT/api/service/readiness"; }

greenmail_start() {
    if running greenmail; then
        say "greenmail already running (pid $(live_pid greenmail))"
        return
    fi
    local jar
    jar=$(artifact com.icegreen greenmail-standalone "$GREENMAIL_VERSION" jar)
    require_free_port "greenmail smtp" "$SMTP_PORT"
    require_free_port "greenmail api" "$GREENMAIL_API_PORT"
    require_free_port "greenmail imap" "$GREENMAIL_IMAP_PORT"
    launch greenmail java \
        -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
        -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$GREENMAIL_API_PORT" \
        -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$GREENMAIL_IMAP_PORT" \
        -Dgreenmail.auth.disabled \
        -jar "$jar"
    echo "http://localhost:$GREENMAIL_API_PORT" >"$RUN/greenmail.url"
    say "greenmail starting: smtp 127.0.0.1:$SMTP_PORT, imap 127.0.0.1:$GREENMAIL_IMAP_PORT, api http://localhost:$GREENMAIL_API_PORT"
}

greenmail_wait() { wait_ready greenmail greenmail_ready; }

greenmail_stop() { stop_service greenmail 10; }

greenmail_status() { service_status greenmail; }
