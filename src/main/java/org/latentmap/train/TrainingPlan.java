package org.latentmap.train;

/**
 * How long and how one model trains: optimisation steps (plus re-coder steps for a GAN), batch size,
 * learning rate, how often a checkpoint is written, and the seed every random choice derives from.
 * Two runs with equal plans on equal data give equal parameters.
 */
public record TrainingPlan(
        int steps, int recoderSteps, int batchSize, double learningRate, int checkpointEvery, long seed) {

    public TrainingPlan {
        if (steps < 1 || recoderSteps < 0 || batchSize < 1 || checkpointEvery < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("a training plan needs steps >= 1, recoder steps >= 0, batch size >= 1,"
                    + " checkpoint interval >= 1 and a positive learning rate; got " + this);
        }
    }

    /** All steps, the re-coder's included. */
    public long totalSteps() {
        return (long) steps + recoderSteps;
    }

    public TrainingPlan withSeed(long newSeed) {
        return new TrainingPlan(steps, recoderSteps, batchSize, learningRate, checkpointEvery, newSeed);
    }

    public TrainingPlan withBatchSize(int newBatchSize) {
        return new TrainingPlan(steps, recoderSteps, newBatchSize, learningRate, checkpointEvery, seed);
    }

    public TrainingPlan withSteps(int newSteps, int newRecoderSteps) {
        return new TrainingPlan(newSteps, newRecoderSteps, batchSize, learningRate, checkpointEvery, seed);
    }
}
