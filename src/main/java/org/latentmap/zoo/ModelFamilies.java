package org.latentmap.zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one place model families are registered: the built-in ones, and any a notebook or a user's code adds
 * with {@link #register}, which the zoo command's {@code --family} and {@link ModelFamily#parse} then know.
 */
public final class ModelFamilies {
    private static final List<ModelFamily> BUILT_IN =
            List.of(ModelFamily.VAE, ModelFamily.GAN, ModelFamily.SPLIT_VAE, ModelFamily.STYLE_GAN);
    private static final List<ModelFamily> REGISTERED = new CopyOnWriteArrayList<>(BUILT_IN);

    private ModelFamilies() {}

    /** The families latentmap ships: VAE, GAN, Split-VAE, StyleGAN. */
    public static List<ModelFamily> builtIn() {
        return BUILT_IN;
    }

    /** Every registered family, the built-in ones first. */
    public static List<ModelFamily> all() {
        return List.copyOf(REGISTERED);
    }

    /** Adds {@code family}; registering the same family again does nothing, another with its key is refused. */
    public static ModelFamily register(ModelFamily family) {
        synchronized (REGISTERED) {
            for (ModelFamily known : REGISTERED) {
                if (known == family) {
                    return family;
                }
                if (known.key().equalsIgnoreCase(family.key())) {
                    throw new IllegalArgumentException("a model family with key '" + family.key()
                            + "' is already registered (" + known.displayName() + "): give yours another key");
                }
            }
            REGISTERED.add(family);
            return family;
        }
    }

    /** The family whose key, or enum-style name ("SPLIT_VAE"), is {@code text}, ignoring case. */
    public static ModelFamily parse(String text) {
        String wanted = text.strip();
        for (ModelFamily family : REGISTERED) {
            if (family.key().equalsIgnoreCase(wanted)
                    || family.key().replace('-', '_').equalsIgnoreCase(wanted)) {
                return family;
            }
        }
        List<String> keys = new ArrayList<>();
        REGISTERED.forEach(f -> keys.add(f.key()));
        throw new IllegalArgumentException("unknown model family '" + text + "': use one of "
                + String.join(", ", keys).toLowerCase(Locale.ROOT));
    }
}
