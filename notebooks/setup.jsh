// latentmap's shared notebook setup, loaded first by every notebook with `%load setup.jsh`.
// It puts the project on the classpath (built by `mvn package`), imports the library, and reads the run
// profile from LATENTMAP_PROFILE: `full` (the walkthrough, the default), `smoke` (tiny, for the tests)
// or `paper` (longer trainings).
%jars ../target/latentmap.jar
%jars ../target/lib/*.jar
import org.latentmap.*;
import org.latentmap.data.*;
import org.latentmap.show.*;
import org.latentmap.model.*;
import org.latentmap.metrics.*;
import org.latentmap.train.*;
import org.latentmap.features.*;
import org.latentmap.relocation.*;
import org.latentmap.stylegan.*;
import org.latentmap.similarity.*;
import java.util.*;
import java.nio.file.Path;
import tech.tablesaw.api.*;
import org.knowm.xchart.*;
var profile = Profile.current();
System.out.println("latentmap ready: profile " + profile + ", Java " + Runtime.version());
