# shellcheck shell=bash
# The EAR that WildFly deploys, built with Maven when it is missing or older than its sources.

EAR=$ROOT/ear/target/missive.ear

ear_sources_changed() {
    [[ -f $EAR ]] || return 0
    local newer
    # Test sources and build output do not go into the EAR.
    newer=$(cd "$ROOT" && find pom.xml ejb fhir web ear/pom.xml ear/src config/wildfly \
        \( -name target -o -path '*/src/test' \) -prune -o -type f -newer "$EAR" -print -quit 2>/dev/null)
    [[ -n $newer ]]
}

build_if_needed() {
    if [[ ${1:-} == --no-build ]]; then
        [[ -f $EAR ]] || die "--no-build, but $EAR does not exist"
    elif ear_sources_changed; then
        say "building the EAR (mvn -q -DskipTests install; the formatting check is mvn verify's)"
        # From the root: .mvn/maven.config (-s .mvn/settings.xml) is resolved from the cwd.
        (cd "$ROOT" && mvn -q -DskipTests -Dspotless.check.skip=true install) || die "build failed"
        [[ -f $EAR ]] || die "build finished but $EAR is missing"
    fi
}
