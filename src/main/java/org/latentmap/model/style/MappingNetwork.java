package org.latentmap.model.style;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/**
 * StyleGAN's mapping network Z -> W (paper Sect. 7): pixel norm on z, then a few dense layers with
 * LeakyReLU 0.2. The paper maps W, not Z, to the other models' spaces: the chain of dense layers is there to
 * make W differ from Z non-linearly.
 */
public final class MappingNetwork {
    private MappingNetwork() {}

    /** Pixel norm, then {@code depth} dense layers of {@code size} units, each followed by LeakyReLU 0.2. */
    public static SequentialBlock of(int size, int depth) {
        if (size < 1 || depth < 1) {
            throw new IllegalArgumentException(
                    "a mapping network needs a size and a depth of at least 1; got " + size + " and " + depth);
        }
        SequentialBlock block = new SequentialBlock()
                .add(new LambdaBlock(list -> new NDList(PixelNorm.apply(list.singletonOrThrow())), "pixelNorm"));
        for (int i = 0; i < depth; i++) {
            block.add(Linear.builder().setUnits(size).build()).add(Activation.leakyReluBlock(0.2f));
        }
        return block;
    }
}
