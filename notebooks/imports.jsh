// latentmap's imports and run profile, shared by every notebook's setup.jsh (which first puts the project's
// jars on the classpath, from the notebook's own folder). The profile comes from LATENTMAP_PROFILE:
// `full` (the walkthrough, the default), `smoke` (tiny, for the tests) or `paper` (longer trainings); the data
// set from LATENTMAP_DATA: `fashion-mnist` (embedded, the default) or `celeba` (yours, in CELEBA_DIR), checked
// here so that a missing folder stops the first cell with what to set.
import org.latentmap.*;
import org.latentmap.data.*;
import org.latentmap.engine.*;
import org.latentmap.linalg.*;
import org.latentmap.show.*;
import org.latentmap.model.*;
import org.latentmap.model.style.*;
import org.latentmap.model.flow.*;
import org.latentmap.model.diffusion.*;
import org.latentmap.families.*;
import org.latentmap.zoo.*;
import org.latentmap.metrics.*;
import org.latentmap.train.*;
import org.latentmap.features.*;
import org.latentmap.support.*;
import org.latentmap.relocation.*;
import org.latentmap.studies.*;
import org.latentmap.stylegan.*;
import org.latentmap.similarity.*;
import org.latentmap.exercises.*;
import java.util.*;
import java.nio.file.Path;
import tech.tablesaw.api.*;
import org.knowm.xchart.*;
Allotment.prepareProcess(); // before the engine loads: its idle threads wait passively (Allotment)
var profile = Profile.current();
var dataChoice = WalkthroughData.checked();
System.out.println("latentmap ready: profile " + profile + ", data " + dataChoice + ", Java " + Runtime.version()
        + ", project " + ProjectFolder.describe());
