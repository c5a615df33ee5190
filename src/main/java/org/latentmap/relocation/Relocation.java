package org.latentmap.relocation;

import java.util.Locale;
import org.latentmap.data.ImageSet;
import org.latentmap.features.Codes;
import org.latentmap.metrics.Stats;
import org.latentmap.model.Sampling;
import org.latentmap.zoo.TrainedModel;

/**
 * One relocation and how well it does (paper Sect. 6, Table 2): a map from {@code source}'s latent space to
 * {@code target}'s, fitted with {@code fit} on {@code fittedOn}, measured on test images in batches. Each
 * array holds one value per batch:
 * <ul>
 * <li>L-MSE: mean squared error between the target's codes and the mapped source codes;
 * <li>R-MSE: the source's reconstruction error, x against decode1(encode1(x));
 * <li>M-MSE: x against decode2(map(encode1(x))), the image after relocation;
 * <li>target R-MSE: the target's own reconstruction error, the best M-MSE can hope for.
 * </ul>
 */
public record Relocation(
        TrainedModel source,
        TrainedModel target,
        CodeMap map,
        String fit,
        String fittedOn,
        double[] lMse,
        double[] rMse,
        double[] mMse,
        double[] targetRMse) {

    /** The map as a linear map; refused for a map that is not linear. */
    public LinearMap linearMap() {
        if (map instanceof LinearMap linear) {
            return linear;
        }
        throw new IllegalStateException(
                "the map " + source.name() + " -> " + target.name() + " (" + map.fit() + ") is not linear");
    }

    public double lMseMean() {
        return Stats.mean(lMse);
    }

    public double rMseMean() {
        return Stats.mean(rMse);
    }

    public double mMseMean() {
        return Stats.mean(mMse);
    }

    public double targetRMseMean() {
        return Stats.mean(targetRMse);
    }

    /** The images after relocation: the target's decoding of the mapped source codes. */
    public ImageSet relocated(ImageSet images) {
        return Sampling.decoded(target.model(), map.apply(Codes.of(source.model(), images)));
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s -> %s (%s, %s): L-MSE %.4g, R-MSE %.4g, M-MSE %.4g",
                source.name(),
                target.name(),
                fit,
                fittedOn,
                lMseMean(),
                rMseMean(),
                mMseMean());
    }
}
