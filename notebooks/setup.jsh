// latentmap's shared notebook setup, loaded first by every notebook with `%load setup.jsh`.
// It puts the project on the classpath (built by `mvn package`), then imports the library and reads the
// run profile (imports.jsh).
%jars ../target/latentmap.jar
%jars ../target/lib/*.jar
%load imports.jsh
