// latentmap's shared notebook setup, loaded first by every notebook with `%load setup.jsh`.
// It puts the project on the classpath (built by `mvn package`), then imports the library and reads the
// run profile (imports.jsh). `%classpath`, because every Java kernel has it: IJava 1.3, JJava (which
// deprecates the older jars magic) and latentmap's own; one line, so JJava sees the library and its jars
// together when it installs latentmap's display extension.
%classpath ../target/latentmap.jar ../target/lib/*.jar
%load imports.jsh
