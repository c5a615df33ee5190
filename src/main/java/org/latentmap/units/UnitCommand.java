package org.latentmap.units;

import java.util.ArrayList;
import java.util.List;
import org.latentmap.DataChoice;
import org.latentmap.Profile;
import org.latentmap.engine.Allotment;
import org.latentmap.zoo.ModelZoo;
import org.latentmap.zoo.WalkthroughData;

/**
 * Lists and runs the walkthrough's units of work from a terminal or a cluster's job ({@link Units}):
 * {@code java -cp 'target/latentmap.jar:target/lib/*' org.latentmap.units.UnitCommand plan [--profile P] [UNIT...]}
 * prints one unit a line ({@code encode/vae-seed1 after train/vae-seed1}), only the named units and those that need
 * nothing else where units are named ({@link Units#closure}); {@code ... run [--profile P] [--data D] UNIT...} runs
 * some in the zoo ({@code LATENTMAP_ZOO}), one after another. Units run by other processes at the same time on the
 * same zoo are waited for, never computed twice.
 */
public final class UnitCommand {
    private UnitCommand() {}

    public static void main(String[] args) {
        Allotment.prepareProcess(); // before the engine loads
        if (args.length == 0 || !(args[0].equals("plan") || args[0].equals("run"))) {
            fail("usage: UnitCommand plan [--profile P] [UNIT...] | run [--profile P] [--data D] UNIT...");
        }
        Profile profile = Profile.current();
        DataChoice data = DataChoice.current();
        List<String> units = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--profile" -> profile = Profile.parse(value(args, ++i));
                case "--data" -> data = DataChoice.parse(value(args, ++i));
                default -> units.add(args[i]);
            }
        }
        if (args[0].equals("plan")) {
            List<Unit> plan = Units.plan(profile);
            try {
                (units.isEmpty() ? plan : Units.closure(plan, units)).forEach(u -> System.out.println(u.line()));
            } catch (IllegalArgumentException e) {
                fail(e.getMessage());
            }
            return;
        }
        if (units.isEmpty()) {
            fail("name the units to run, such as train/vae-seed1 (UnitCommand plan lists them)");
        }
        for (String id : units) {
            try {
                Units.find(id, profile); // every name checked before any work
            } catch (IllegalArgumentException e) {
                fail(e.getMessage());
            }
        }
        WalkthroughData walkthrough = WalkthroughData.of(data, profile);
        ModelZoo zoo = ModelZoo.standard();
        System.out.println("zoo " + zoo.folder() + ", profile " + profile + ", " + walkthrough + "; "
                + Allotment.prepareProcess());
        for (String id : units) {
            System.out.println(Units.run(id, walkthrough, profile, zoo));
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            fail(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
