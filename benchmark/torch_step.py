#!/usr/bin/python3
"""One training step of each latentmap model family, written in PyTorch for Python, to compare speeds.

The same architectures as org.latentmap.model (Vae, Gan, SplitVae: layer for layer, same channel counts),
the same losses and optimizer settings. The GAN generator's resize-convolutions are written here as PyTorch users
write them (nn.Upsample, then a 3x3 convolution); latentmap computes the same function in its sub-pixel form
(model/ResizeConvolution.java: four phase kernels at the low resolution, then a pixel shuffle), an identity any
PyTorch code could use too. Prints one line: "<family> <images per second>".
Usage: torch_step.py FAMILY BATCH STEPS THREADS   (FAMILY: vae, gan, split-vae)
"""
import sys
import time

import torch
from torch import nn


def down(cin, cout, act, bn):
    layers = [nn.Conv2d(cin, cout, 4, 2, 1)]
    if bn:
        layers.append(nn.BatchNorm2d(cout))
    layers.append(act)
    return layers


def up(cin, cout):
    return [nn.Conv2d(cin, 4 * cout, 3, padding=1), nn.PixelShuffle(2), nn.BatchNorm2d(cout), nn.ReLU()]


def resize_up(cin, cout):
    return [nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU()]


def to_image(cin, cout):
    return [nn.Conv2d(cin, 4 * cout, 3, padding=1), nn.PixelShuffle(2), nn.Sigmoid()]


class FromCode(nn.Module):
    def __init__(self, latent, channels, side):
        super().__init__()
        self.linear = nn.Linear(latent, channels * side * side)
        self.shape = (channels, side, side)
        self.norm = nn.BatchNorm2d(channels)

    def forward(self, z):
        return torch.relu(self.norm(self.linear(z).view(-1, *self.shape)))


class Residual(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.body = nn.Sequential(nn.BatchNorm2d(c), nn.ReLU(), nn.Conv2d(c, c, 3, padding=1),
                                  nn.BatchNorm2d(c), nn.ReLU(), nn.Conv2d(c, c, 3, padding=1))

    def forward(self, x):
        return x + self.body(x)


def encoder(outputs):
    return nn.Sequential(*down(1, 32, nn.ReLU(), True), *down(32, 64, nn.ReLU(), True),
                         *down(64, 128, nn.ReLU(), True), nn.Flatten(), nn.Linear(2048, outputs))


def kl(mean, log_var):
    return 0.5 * (mean.pow(2) + log_var.exp() - 1 - log_var).sum() / mean.shape[0]


class VaeStep:
    def __init__(self, latent=64, split=False):
        self.latent = latent
        self.split = split
        if split:
            self.encoder = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), *down(16, 32, nn.ReLU(), True), Residual(32),
                                         *down(32, 64, nn.ReLU(), True), Residual(64),
                                         *down(64, 128, nn.ReLU(), True), nn.Flatten(), nn.Linear(2048, 2 * latent))
            self.decoder = nn.Sequential(FromCode(latent, 128, 4), Residual(128), *up(128, 64), Residual(64),
                                         *up(64, 32), Residual(32), *to_image(32, 3))
        else:
            self.encoder = encoder(2 * latent)
            self.decoder = nn.Sequential(FromCode(latent, 128, 4), *up(128, 64), *up(64, 32), *to_image(32, 1))
        params = list(self.encoder.parameters()) + list(self.decoder.parameters())
        self.optimizer = torch.optim.Adam(params, lr=1e-3)
        self.gamma = float("inf")
        self.running = None

    def __call__(self, x):
        both = self.encoder(x)
        mean, log_var = both[:, :self.latent], both[:, self.latent:]
        z = mean + (0.5 * log_var).exp() * torch.randn_like(mean)
        out = self.decoder(z)
        if self.split:
            out = out[:, 0:1] * out[:, 2:3] + out[:, 1:2] * (1 - out[:, 2:3])
        sse = (x - out).pow(2).sum() / x.shape[0]
        mse = sse.item() * x.shape[0] / x.numel()
        if self.split:
            self.running = mse if self.running is None else 0.99 * self.running + 0.01 * mse
            self.gamma = min(self.gamma, self.running)
            loss = sse * (0.5 / self.gamma) + kl(mean, log_var)
        else:
            self.gamma = min(self.gamma, mse)
            loss = sse / (2 * self.gamma) + kl(mean, log_var)
        loss.item()
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()


class GanStep:
    def __init__(self, latent=64):
        self.latent = latent
        self.generator = nn.Sequential(FromCode(latent, 128, 4), *resize_up(128, 64), *resize_up(64, 32),
                                       nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(32, 1, 3, padding=1), nn.Tanh())
        leaky = nn.LeakyReLU(0.2)
        self.discriminator = nn.Sequential(*down(1, 16, leaky, False), *down(16, 32, leaky, True),
                                           *down(32, 64, leaky, True), nn.Flatten(), nn.Linear(1024, 1))
        self.g_opt = torch.optim.Adam(self.generator.parameters(), lr=1e-3, betas=(0.5, 0.999))
        self.d_opt = torch.optim.Adam(self.discriminator.parameters(), lr=1e-3, betas=(0.5, 0.999))
        self.bce = nn.BCEWithLogitsLoss()

    def __call__(self, real):
        n = real.shape[0]
        fake = self.generator(torch.randn(n, self.latent)).detach()
        real_logits = self.discriminator(real * 2 - 1)
        d_loss = self.bce(real_logits, torch.full_like(real_logits, 0.9)) \
            + self.bce(self.discriminator(fake), torch.zeros(n, 1))
        d_loss.item()
        self.d_opt.zero_grad()
        d_loss.backward()
        self.d_opt.step()
        g_loss = self.bce(self.discriminator(self.generator(torch.randn(n, self.latent))), torch.ones(n, 1))
        g_loss.item()
        self.g_opt.zero_grad()
        g_loss.backward()
        self.g_opt.step()
        self.d_opt.zero_grad()


def main():
    family, batch, steps, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    step = {"vae": lambda: VaeStep(), "gan": lambda: GanStep(), "split-vae": lambda: VaeStep(150, True)}[family]()
    data = torch.rand(batch, 1, 32, 32)
    for _ in range(5):
        step(data)
    started = time.perf_counter()
    for _ in range(steps):
        step(data)
    elapsed = time.perf_counter() - started
    print(f"{family} {batch * steps / elapsed:.1f}")


if __name__ == "__main__":
    main()
