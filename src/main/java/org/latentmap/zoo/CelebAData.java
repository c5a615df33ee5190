package org.latentmap.zoo;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.latentmap.DataChoice;
import org.latentmap.Profile;
import org.latentmap.data.CelebA;
import org.latentmap.data.DataException;

/**
 * CelebA (Liu et al., 2015), the paper's data, from the user's {@code img_align_celeba} folder ({@code CELEBA_DIR})
 * with the paper's crop (Sect. 4.1), decoded once into a cache beside the zoo. A folder that stops before the
 * official test split (a subset of the 202,599 images) is split 80 / 10 / 10 in file order, the official split's
 * proportions, and says so. {@value WalkthroughData#HQ_FOLDER_VARIABLE}, when set, names CelebA-HQ for the StyleGAN
 * study.
 */
final class CelebAData implements DataSet {
    @Override
    public String key() {
        return DataChoice.CELEBA.key();
    }

    @Override
    public String displayName() {
        return "CelebA";
    }

    /** {@code CELEBA_DIR} (and {@value WalkthroughData#HQ_FOLDER_VARIABLE} when set) must name folders of images. */
    @Override
    public void check() {
        configured();
        hqFolder().ifPresent(CelebAData::openHq);
    }

    @Override
    public Images load(Profile profile) {
        int side = WalkthroughData.side(profile);
        CelebA celeba = configured().cachedIn(WalkthroughData.imageCache()).resizedTo(side);
        WalkthroughData.Cut cut =
                WalkthroughData.cut(profile, WalkthroughData.splits(celeba.size()), side, celeba::load);
        String split = celeba.size() > CelebA.TEST_START
                ? "the official split"
                : String.format(
                        Locale.ROOT,
                        "%,d images, fewer than the official split needs: the first 80%% train, the last 10%% test",
                        celeba.size());
        return new Images(cut.train(), cut.test(), "CelebA from " + celeba.folder() + " (" + split + ")");
    }

    private static CelebA configured() {
        return opened(CelebA.FOLDER_VARIABLE, CelebA::configured, "see data/README.md")
                .orElseThrow(() -> new DataException(DataChoice.VARIABLE + "=celeba needs " + CelebA.FOLDER_VARIABLE
                        + ", the img_align_celeba folder of CelebA (see data/README.md): set it before starting"
                        + " Jupyter, or set " + DataChoice.VARIABLE + "=fashion-mnist for the embedded data"));
    }

    /** The CelebA-HQ folder, opened; one that cannot be used is refused naming its variable. */
    static CelebA openHq(Path folder) {
        return opened(
                WalkthroughData.HQ_FOLDER_VARIABLE,
                () -> CelebA.hq(folder),
                "unset " + WalkthroughData.HQ_FOLDER_VARIABLE
                        + " to train the StyleGAN on the typical half of CelebA instead");
    }

    /** The folder {@value WalkthroughData#HQ_FOLDER_VARIABLE} names, when it is set. */
    static Optional<Path> hqFolder() {
        String named = System.getenv(WalkthroughData.HQ_FOLDER_VARIABLE);
        return named == null || named.isBlank() ? Optional.empty() : Optional.of(Path.of(named));
    }

    /** The folder {@code variable} names, opened; one that cannot be used is refused naming the variable. */
    private static <T> T opened(String variable, Supplier<T> open, String otherwise) {
        try {
            return open.get();
        } catch (DataException e) {
            throw new DataException(
                    DataChoice.VARIABLE + "=celeba, but " + variable + " cannot be used: " + e.getMessage() + " ("
                            + otherwise + ")",
                    e);
        }
    }
}
