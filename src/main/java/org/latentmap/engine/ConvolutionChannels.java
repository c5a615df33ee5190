package org.latentmap.engine;

/**
 * Which input channel counts a convolution may take on this project's engine. Measured (6 December 2026, PyTorch
 * 2.7.1's oneDNN held to AVX as {@link Numerics} pins it, AMD EPYC): a 3x3 convolution whose input has more than 8
 * channels and not a multiple of 8 reads memory it never wrote, so that after the process had freed arrays of NaN
 * its output held NaN in 10 to 102 of 2,000 identical passes (9, 10, 11, 12, 13, 14, 20, 28, 36 and 44 input
 * channels), and in none of 2,000 with 1 to 8, 16, 24 or 64 channels, with 1x1 kernels, or with oneDNN off. A
 * flow's couplings on colour images took 12 channels and encoded the same images to NaN once in 20 calls. Pad such
 * inputs with zero channels to {@link #safe}: the extra weights see only zeros, so they neither change the output
 * nor learn.
 */
public final class ConvolutionChannels {
    /** oneDNN's channel block at AVX: 8 single-precision numbers in one 256-bit register. */
    public static final int BLOCK = 8;

    private ConvolutionChannels() {}

    /** Whether a convolution with a kernel wider than 1 reads only memory it wrote for this many input channels. */
    public static boolean isSafe(int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("a convolution's input has at least 1 channel, not " + channels);
        }
        return channels <= BLOCK || channels % BLOCK == 0;
    }

    /** The smallest safe channel count at least {@code channels}: itself when safe, else the next multiple of 8. */
    public static int safe(int channels) {
        return isSafe(channels) ? channels : (channels + BLOCK - 1) / BLOCK * BLOCK;
    }
}
