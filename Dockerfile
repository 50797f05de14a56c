# clock-health-exporter container image.
#
#   docker build -t clock-health-exporter .                       (Docker with BuildKit)
#   buildah bud --layers -t clock-health-exporter .               (buildah / podman build)
#   docker run --network host --read-only --cap-drop ALL clock-health-exporter \
#     --collector.chrony.args="-h 127.0.0.1" --no-collector.ntpd      (docs/deployment.md)
#
# Stage 1 builds the shaded jar with Maven, a jlink'd Java runtime holding only the modules the jar
# uses, and the AppCDS archive for that runtime; stage 2 is a slim Debian with that runtime, chrony's
# client `chronyc` (and ntpsec's `ntpq`, WITH_NTPQ=true) but no time daemon: the daemons' .debs are
# only unpacked for their client tools, so no chronyd/ntpd binary, unit, init script or
# maintainer script ever lands in the image, and nothing is started while building.
# CI builds and runs this file for real: scripts/test-container.sh.

FROM debian:bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven binutils \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml ./
COPY src/main ./src/main
# No tests here (CI runs them on the host) and no .git in the context: the revision for
# clock_exporter_build_info and the image label comes from --build-arg REVISION.
# -Dexec.skip: no AppCDS archive for this JDK; the image's own is made below for its runtime.
ARG REVISION=unknown
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -ntp -Dmaven.test.skip=true -Dspotless.check.skip=true -Dexec.skip=true \
      -Dgit.commit.id.abbrev="$(echo "$REVISION" | cut -c1-12)" package \
 && mkdir -p /opt/clock-health-exporter/native \
 && cp target/clock-health-exporter.jar /opt/clock-health-exporter/clock-health-exporter.jar
# JNA's native part, unpacked here once: JNA would unpack it at each start into the temporary
# directory, and the hardened container has no writable one (-Djna.boot.library.path below;
# -Djna.nounpack=true: nor does it look there for old copies to remove).
RUN case "$(uname -m)" in x86_64) jna=linux-x86-64 ;; aarch64) jna=linux-aarch64 ;; \
      *) jna="linux-$(uname -m)" ;; esac \
 && cd /opt/clock-health-exporter/native \
 && jar xf ../clock-health-exporter.jar "com/sun/jna/$jna/libjnidispatch.so" \
 && mv "com/sun/jna/$jna/libjnidispatch.so" . && rm -r com && ls -l libjnidispatch.so
# A Java runtime with only the modules the jar uses (jdeps), plus what jdeps cannot see:
# jdk.crypto.ec (the SunEC provider: ECDHE key exchange and EC keys for TLS, --web.config.file),
# minus java.desktop (10 MB), which jdeps lists only for code the exporter never runs: Jackson's
# optional java.beans annotation support (@ConstructorProperties/@Transient, looked up
# reflectively), SnakeYAML's bean introspector (Jackson uses only its parser) and two Jetty leak
# preventers that are not installed. scripts/test-container.sh runs the image's endpoints with a
# YAML config file and TLS with an EC key to prove nothing is missing.
# Debian's jlink strips the native libraries' debug symbols with --strip-debug: objcopy (binutils);
# strip --strip-unneeded then drops their symbol tables too (libjvm.so 24 -> 20 MB; a JVM crash
# log then shows addresses instead of HotSpot function names).
# It lives at the path it has in the image, next to the jar at its image path, because the AppCDS
# archive made with it records both: scripts/cds-archive.sh trains it with the JVM flags of
# deploy/systemd (the same as the ENTRYPOINT's, checked by SystemdUnitIT).
RUN modules="$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 \
      /opt/clock-health-exporter/clock-health-exporter.jar | tr , '\n' | grep -vx java.desktop \
      | paste -sd, -),jdk.crypto.ec" \
 && echo "jlink modules: $modules" \
 && jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
      --output /opt/java \
 && strip --strip-unneeded /opt/java/lib/*.so /opt/java/lib/server/*.so \
 && /opt/java/bin/java --list-modules
COPY scripts/cds-archive.sh deploy/systemd/clock-health-exporter.env /tmp/cds/
RUN bash /tmp/cds/cds-archive.sh /opt/java/bin/java \
      /opt/clock-health-exporter/clock-health-exporter.jar \
      /opt/clock-health-exporter/clock-health-exporter.jsa /tmp/cds/clock-health-exporter.env

FROM debian:bookworm-slim
ARG WITH_NTPQ=true
# chronyc needs libedit2 + libnettle8 only; ntpq is a python script on python3-ntp.
RUN set -eux; \
    extra=""; if [ "$WITH_NTPQ" = true ]; then extra="python3-ntp"; fi; \
    apt-get update; \
    apt-get install -y --no-install-recommends libedit2 libnettle8 $extra; \
    tmp=$(mktemp -d); cd "$tmp"; \
    apt-get download chrony; \
    dpkg-deb -x chrony_*.deb x; \
    install -m 0755 x/usr/bin/chronyc /usr/bin/chronyc; \
    if [ "$WITH_NTPQ" = true ]; then \
      apt-get download ntpsec; dpkg-deb -x ntpsec_*.deb n; install -m 0755 n/usr/bin/ntpq /usr/bin/ntpq; \
    fi; \
    cd /; apt-get clean; rm -rf "$tmp" /var/lib/apt/lists/* /var/cache/apt/*.bin /var/log/apt /var/log/dpkg.log; \
    chronyc --version; \
    if [ "$WITH_NTPQ" = true ]; then ntpq --version; fi; \
    if command -v chronyd || command -v ntpd; then echo 'a time daemon is installed' >&2; exit 1; fi; \
    groupadd --gid 10001 clock-exporter; \
    useradd --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --no-log-init \
      --shell /usr/sbin/nologin clock-exporter

# Labels after the packages, so a new revision does not invalidate that layer.
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
LABEL org.opencontainers.image.title="clock-health-exporter" \
      org.opencontainers.image.description="Prometheus exporter for clock health: chrony (chronyc), ntpd/ntpsec (ntpq), systemd-timesyncd" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.base.name="docker.io/library/debian:bookworm-slim"

# The runtime, the jar and its AppCDS archive, in one layer, as the archive expects them (a
# missing or mismatched archive is ignored: -Xshare:auto).
COPY --from=build /opt /opt
ENV PATH=/opt/java/bin:$PATH \
    MALLOC_ARENA_MAX=2

# Numeric, so that Kubernetes' runAsNonRoot can check it.
USER 10001:10001
EXPOSE 39123
# Small footprint (measured in docs/deployment.md and docs/performance.md): serial GC, capped heap
# and metaspace, C1 only, small thread stacks, no /tmp/hsperfdata, the AppCDS archive (ignored if
# it does not fit: -Xshare:auto), and MALLOC_ARENA_MAX=2 (ENV above). The same flags as
# deploy/systemd/ and the README (SystemdUnitIT), plus where JNA's native part is (above).
ENTRYPOINT ["java", "-Djna.boot.library.path=/opt/clock-health-exporter/native", "-Djna.nounpack=true", "-XX:+UseSerialGC", "-Xms8m", "-Xmx48m", "-XX:MaxMetaspaceSize=48m", "-XX:ReservedCodeCacheSize=16m", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-Xss256k", "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError", "-XX:SharedArchiveFile=/opt/clock-health-exporter/clock-health-exporter.jsa", "-Xshare:auto", "-jar", "/opt/clock-health-exporter/clock-health-exporter.jar"]
