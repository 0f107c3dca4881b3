#!/usr/bin/env bash
# Sourced by the other scripts: picks a JDK >= 21 (the build targets Java 21) and makes sure Maven exists.
# On these machines the default java is 17 and Temurin 25 sits in /usr/lib/jvm; JAVA_HOME wins if it is new enough.

java_major() { "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'; }

pick_java() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
                   /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64 \
                   "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    if [[ -n "$candidate" && -x "$candidate/bin/java" ]] && (( $(java_major "$candidate") >= 21 )); then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "error: no JDK 21 or newer found; install Temurin 21+ and set JAVA_HOME" >&2
  return 1
}

ensure_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "installing maven" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven >/dev/null
  fi
}

pick_java
ensure_maven
