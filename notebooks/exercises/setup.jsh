// The exercises' setup, loaded first with `%load setup.jsh`: the project's jars (built by `mvn package`),
// then the library's imports and the run profile.
%classpath ../../target/latentmap.jar ../../target/lib/*.jar
%load ../imports.jsh
