#!/usr/bin/env bash
# Installs what latentmap needs on Debian 12 with JDK 17 and Maven, and registers its Jupyter kernels.
# Safe to run again: each step checks first and does only what is missing.
#
#   environment/setup.sh            everything (system packages, build, kernels)
#   SKIP_KOTLIN=1 environment/setup.sh    without the Kotlin kernel (saves a 78 MB download)
#   SKIP_BROWSER=1 environment/setup.sh   without Chromium (saves 414 MB; the browser test is then skipped)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# Debian's Jupyter runs on /usr/bin/python3; a pyenv or conda python3 earlier on PATH must not be used.
export PATH="/usr/bin:$PATH"

# ---------------------------------------------------------------- 1. system packages
PACKAGES=(jupyter-notebook jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel
          python3-jupyter-kernel-test dataset-fashion-mnist fonts-dejavu-core)
# Chromium (about 414 MB): the tests open a notebook in it, headless, against the interactive server.
[ "${SKIP_BROWSER:-0}" = 1 ] || PACKAGES+=(chromium)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -eq 0 ]; then SUDO=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=(sudo -n)
  elif command -v sudo >/dev/null && [ -t 0 ]; then SUDO=(sudo)
  else
    die "these Debian packages are missing: ${missing[*]}
  Installing them needs root. Run this script as root, give this user sudo rights, or ask an administrator for:
    apt-get install --no-install-recommends ${missing[*]}"
  fi
  say "installing Debian packages: ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "Debian packages present"
fi
[ -x /usr/bin/jupyter ] || die "/usr/bin/jupyter is missing after the install: check apt's output above"

command -v java >/dev/null || die "java is not on PATH: install a JDK 17 (apt-get install openjdk-17-jdk-headless)"
command -v mvn >/dev/null || die "mvn is not on PATH: install Maven (apt-get install maven)"
JAVA_BIN="$(readlink -f "$(command -v java)")"
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && JAVA_BIN="$JAVA_HOME/bin/java"
JAVA_MAJOR="$("$JAVA_BIN" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
[ "${JAVA_MAJOR:-0}" -ge 17 ] || die "Java $JAVA_MAJOR found at $JAVA_BIN; latentmap needs Java 17 or newer"

# ---------------------------------------------------------------- 2. build the classpath
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "building (mvn package, tests skipped here)"
  mvn -B -q -Dstyle.color=never package -DskipTests
fi
[ -f target/latentmap.jar ] && [ -d target/lib ] && [ -d target/kernel ] \
  || die "target/latentmap.jar, target/lib or target/kernel is missing: the Maven build did not finish"

# ---------------------------------------------------------------- 3. kernels
# Kernelspecs are written to build/jupyter (what the project's own commands use, through JUPYTER_PATH)
# and registered for this user, so a Jupyter Notebook or a JupyterLab the user starts finds them too.
KERNELS="$ROOT/build/jupyter/kernels"
mkdir -p "$KERNELS"

user_install() { # name dir: registers for the user, but never over a kernel that is not ours
  local name="$1" dir="$2" existing
  existing="$(/usr/bin/jupyter kernelspec list --json 2>/dev/null | /usr/bin/python3 -c \
    "import json,sys; k=json.load(sys.stdin)['kernelspecs'].get('$name'); print(k['resource_dir'] if k else '')")"
  if [ -n "$existing" ] && [ "$existing" != "$HOME/.local/share/jupyter/kernels/$name" ] \
      && ! grep -q latentmap "$existing/kernel.json" 2>/dev/null; then
    say "a '$name' kernel that is not latentmap's is registered at $existing: left alone"
    say "  (latentmap's own commands use build/jupyter; to use ours elsewhere: jupyter kernelspec install --user --name $name $dir)"
    return
  fi
  /usr/bin/jupyter kernelspec install --user --name "$name" "$dir" >/dev/null 2>&1
}

# The Java kernel: our IJava-compatible kernel, with the project's jars on IJAVA_CLASSPATH.
JAVA_SPEC="$KERNELS/java"
rm -rf "$JAVA_SPEC"; mkdir -p "$JAVA_SPEC/kernel"
cp target/kernel/*.jar "$JAVA_SPEC/kernel/"
# The kernel's heap: 2 GiB holds Fashion-MNIST and every model's codes; CelebA's training split alone is 2 GB
# of bytes, so with LATENTMAP_DATA=celeba set while this runs the heap is 8 GiB (LATENTMAP_KERNEL_HEAP sets any
# other); the engine's native memory comes on top of it.
if [ "${LATENTMAP_DATA:-fashion-mnist}" = celeba ]; then DEFAULT_HEAP=8g; else DEFAULT_HEAP=2g; fi
HEAP="${LATENTMAP_KERNEL_HEAP:-$DEFAULT_HEAP}"
/usr/bin/python3 - "$JAVA_SPEC" "$JAVA_BIN" "$ROOT" "$HEAP" <<'PY'
import json, sys
spec, java, root, heap = sys.argv[1:]
json.dump({
    "argv": [java, "-Dai.djl.offline=true", "-Djava.awt.headless=true", f"-Xmx{heap}",
             "-XX:+UseParallelGC", "-cp", "{resource_dir}/kernel/*",
             "org.latentmap.kernel.JavaKernel", "{connection_file}"],
    "display_name": "Java",
    "language": "java",
    "interrupt_mode": "message",
    "env": {
        "IJAVA_CLASSPATH": f"{root}/target/latentmap.jar:{root}/target/lib/*.jar",
        "LATENTMAP_HOME": root,
        "DJL_OFFLINE": "true",
        "OMP_WAIT_POLICY": "PASSIVE",
    },
    "metadata": {"latentmap": True},
}, open(f"{spec}/kernel.json", "w"), indent=2)
PY
user_install java "$JAVA_SPEC"
say "Java kernel registered (build/jupyter/kernels/java)"

# The Kotlin kernel: JetBrains' kernel from Maven Central, on JDK 17, logging at WARN.
if [ "${SKIP_KOTLIN:-0}" != 1 ]; then
  KOTLIN_LIB="$ROOT/build/kotlin-kernel/lib"
  if [ ! -f "$KOTLIN_LIB/.complete" ]; then
    say "fetching the Kotlin kernel (about 78 MB from Maven Central)"
    rm -rf "$KOTLIN_LIB"
    mvn -B -q -Dstyle.color=never -f environment/kotlin/pom.xml dependency:copy-dependencies -DoutputDirectory="$KOTLIN_LIB" \
      && touch "$KOTLIN_LIB/.complete" \
      || { say "the Kotlin kernel could not be fetched: skipped (the Java kernel works without it)"; rm -rf "$KOTLIN_LIB"; }
  fi
  if [ -f "$KOTLIN_LIB/.complete" ]; then
    if [ "$JAVA_MAJOR" != 17 ]; then
      say "the Kotlin kernel 0.11 runs on Java 17 only (found $JAVA_MAJOR): not registered"
    else
      KOTLIN_SPEC="$KERNELS/kotlin"
      rm -rf "$KOTLIN_SPEC"; mkdir -p "$KOTLIN_SPEC"
      cp environment/kotlin/logback.xml "$KOTLIN_SPEC/logback.xml"
      /usr/bin/python3 - "$KOTLIN_SPEC" "$JAVA_BIN" "$ROOT" "$KOTLIN_LIB" <<'PY'
import json, os, sys
spec, java, root, lib = sys.argv[1:]
jars = sorted(os.listdir(lib))
def pick(prefix):
    return [f"{lib}/{j}" for j in jars if j.startswith(prefix) and j.endswith(".jar")]
# What scripts compile against: Kotlin's runtime, the kernel's API, and the project with its own jars.
script_cp = []
for p in ["kotlin-stdlib-", "kotlin-reflect-", "kotlin-script-runtime-", "kotlin-jupyter-api-",
          "kotlin-jupyter-lib-", "kotlinx-serialization-core-jvm-", "kotlinx-serialization-json-jvm-"]:
    script_cp += pick(p)
# The scripts log through the project's SLF4J with its simple logger (at WARN, the project's
# simplelogger.properties), named by slf4j.provider: left to search, SLF4J found the kernel's own logback
# provider, could not load it from the scripts' class loader, and said so on every run (SLF4J(E) ...).
# The kernel itself keeps its logback (its SLF4J 2.0.5 predates slf4j.provider and ignores it).
project = [f"{root}/target/latentmap.jar"] + [
    f"{root}/target/lib/{j}" for j in sorted(os.listdir(f"{root}/target/lib"))
    if j.endswith(".jar") and not j.startswith("kotlin")]
# The kernel ships JNA 5.6, which it loads before any script classpath; DJL's PyTorch engine needs the
# project's newer JNA ("incompatible JNA native library" otherwise), so that one comes first for both.
jna = [f"{root}/target/lib/{j}" for j in sorted(os.listdir(f"{root}/target/lib")) if j.startswith("jna-") and j.endswith(".jar")]
json.dump({
    "argv": [java, "-Dai.djl.offline=true", "-Djava.awt.headless=true",
             "-Dlogback.configurationFile={resource_dir}/logback.xml",
             "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider", "-Dslf4j.internal.verbosity=WARN",
             "-cp", ":".join(jna + [f"{lib}/*"]), "org.jetbrains.kotlinx.jupyter.IkotlinKt",
             "-classpath=" + ":".join(script_cp + project),
             "{connection_file}", "-home=" + f"{root}/build/kotlin-kernel"],
    "display_name": "Kotlin",
    "language": "kotlin",
    "interrupt_mode": "message",
    "env": {"LATENTMAP_HOME": root, "DJL_OFFLINE": "true", "OMP_WAIT_POLICY": "PASSIVE"},
    "metadata": {"latentmap": True},
}, open(f"{spec}/kernel.json", "w"), indent=2)
PY
      user_install kotlin "$KOTLIN_SPEC"
      say "Kotlin kernel registered (build/jupyter/kernels/kotlin)"
    fi
  fi
fi
say "ready: JUPYTER_PATH=$ROOT/build/jupyter $(ls "$KERNELS" | tr '\n' ' ')"
