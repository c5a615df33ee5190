#!/usr/bin/python3
"""One training step of each latentmap model family, written in PyTorch for Python, to compare speeds.

The same architectures as org.latentmap.model (Vae, Gan, SplitVae, flow.RealNvp, diffusion.UNet: layer for layer,
same channel counts), the same losses and optimizer settings. The GAN generator's resize-convolutions are written here as PyTorch users
write them (nn.Upsample, then a 3x3 convolution); latentmap computes the same function in its sub-pixel form
(model/ResizeConvolution.java: four phase kernels at the low resolution, then a pixel shuffle), an identity any
PyTorch code could use too; the U-Net's up-sampling likewise. Prints one line: "<family> <images per second>".
Usage: torch_step.py FAMILY BATCH STEPS THREADS   (FAMILY: vae, gan, split-vae, flow, diffusion)
"""
import math
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


# ---- today's families (issue 33): model/flow/RealNvp.java and model/diffusion/UNet.java, 1x32x32 images ----

ALPHA = 0.05  # LogitPixels.ALPHA


def squeeze(x):
    n, c, h, w = x.shape
    return x.reshape(n, c, h // 2, 2, w // 2, 2).permute(0, 1, 3, 5, 2, 4).reshape(n, 4 * c, h // 2, w // 2)


class Coupling(nn.Module):
    """AffineCoupling: Glow's conditioner (3x3, 1x1, zero-initialised 3x3), tanh-bounded scales."""

    def __init__(self, channels, side, mask, hidden):
        super().__init__()
        self.mask = mask
        conditioned = channels // 2 if mask == "channels" else channels
        self.conditioned = conditioned
        last = nn.Conv2d(hidden, 2 * conditioned, 3, padding=1)
        nn.init.zeros_(last.weight)
        self.net = nn.Sequential(nn.Conv2d(conditioned, hidden, 3, padding=1), nn.ReLU(),
                                 nn.Conv2d(hidden, hidden, 1), nn.ReLU(), last)
        if mask != "channels":
            parity = 0 if mask == "even" else 1
            rows = torch.arange(side).reshape(side, 1) + torch.arange(side).reshape(1, side)
            self.register_buffer("keep", (rows % 2 == parity).float().reshape(1, 1, side, side))

    def forward(self, x):
        if self.mask == "channels":
            a, b = x[:, :self.conditioned], x[:, self.conditioned:]
            s, t = self.net(a).chunk(2, 1)
            s = torch.tanh(s)
            return torch.cat([a, b * s.exp() + t], 1), s.flatten(1).sum(1)
        keep = self.keep
        other = 1 - keep
        kept = x * keep
        s, t = self.net(kept).chunk(2, 1)
        s = torch.tanh(s) * other
        moved = (x * s.exp() + t * other) * other
        return kept + moved, s.flatten(1).sum(1)


class Mixing(nn.Module):
    """InvertibleMixing: W = P L (U + diag(sign exp(log s))) from the LU factors of a random rotation."""

    def __init__(self, channels):
        super().__init__()
        q, _ = torch.linalg.qr(torch.randn(channels, channels))
        p, l, u = torch.linalg.lu(q)
        d = torch.diagonal(u)
        self.register_buffer("p", p)
        self.register_buffer("sign", torch.sign(d))
        self.register_buffer("below", torch.tril(torch.ones(channels, channels), -1))
        self.lower = nn.Parameter(l * self.below)
        self.upper = nn.Parameter(torch.triu(u, 1))
        self.log_scale = nn.Parameter(d.abs().log())
        self.channels = channels

    def forward(self, x):
        n, c, h, w = x.shape
        eye = torch.eye(c)
        weight = self.p @ (self.lower * self.below + eye) @ (self.upper * self.below.t() + torch.diag(self.sign * self.log_scale.exp()))
        out = (weight @ x.reshape(n, c, h * w)).reshape(n, c, h, w)
        return out, self.log_scale.sum().expand(n) * (h * w)


class FlowStep:
    def __init__(self, hidden=32, c=1, side=32):
        half, quarter = side // 2, side // 4
        early = [Coupling(4 * c, half, "even", hidden), Coupling(4 * c, half, "odd", hidden)]
        for _ in range(2):
            early += [Mixing(4 * c), Coupling(4 * c, half, "channels", hidden)]
        late = []
        for _ in range(3):
            late += [Mixing(8 * c), Coupling(8 * c, quarter, "channels", hidden)]
        self.early, self.late = nn.ModuleList(early), nn.ModuleList(late)
        params = list(self.early.parameters()) + list(self.late.parameters())
        self.optimizer = torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.999))

    def __call__(self, images):
        n = images.shape[0]
        y = (images * 255 + torch.rand_like(images)) / 256
        p = y * (1 - 2 * ALPHA) + ALPHA
        log_p, log_q = p.log(), (1 - p).log()
        x = log_p - log_q
        log_det = (-(log_p + log_q) + math.log(1 - 2 * ALPHA)).flatten(1).sum(1)
        x = squeeze(x)
        for b in self.early:
            x, d = b(x)
            log_det = log_det + d
        kept, rest = x.chunk(2, 1)
        rest = squeeze(rest)
        for b in self.late:
            rest, d = b(rest)
            log_det = log_det + d
        z = torch.cat([kept.flatten(1), rest.flatten(1)], 1)
        dims = z.shape[1]
        log_prob = -0.5 * z.pow(2).sum(1) - 0.5 * dims * math.log(2 * math.pi) + log_det
        loss = ((-log_prob + dims * math.log(256)) / (dims * math.log(2))).mean()
        loss.item()
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()


def silu(x):
    return x * torch.sigmoid(x)


class Residual2(nn.Module):
    """diffusion.ResidualBlock: silu, 3x3, plus the time embedding's shift, silu, 3x3; a 1x1 skip where channels differ."""

    def __init__(self, cin, c, embedding):
        super().__init__()
        self.first = nn.Conv2d(cin, c, 3, padding=1)
        self.second = nn.Conv2d(c, c, 3, padding=1)
        self.time = nn.Linear(embedding, c)
        self.skip = nn.Conv2d(cin, c, 1) if cin != c else None

    def forward(self, x, e):
        h = self.first(silu(x))
        h = self.second(silu(h + self.time(silu(e))[:, :, None, None]))
        return h + (x if self.skip is None else self.skip(x))


class UNet(nn.Module):
    def __init__(self, w=16, c=1):
        super().__init__()
        self.w = w
        self.time_in, self.time_out = nn.Linear(w, 4 * w), nn.Linear(4 * w, 4 * w)
        self.inc = nn.Conv2d(c, w, 3, padding=1)
        self.top = Residual2(w, w, 4 * w)
        self.down1 = nn.Conv2d(w, 2 * w, 3, 2, 1)
        self.middle = Residual2(2 * w, 2 * w, 4 * w)
        self.down2 = nn.Conv2d(2 * w, 2 * w, 3, 2, 1)
        self.bottom = Residual2(2 * w, 2 * w, 4 * w)
        self.up2 = nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(2 * w, 2 * w, 3, padding=1))
        self.middle_up = Residual2(4 * w, 2 * w, 4 * w)
        self.up1 = nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(2 * w, w, 3, padding=1))
        self.top_up = Residual2(2 * w, w, 4 * w)
        self.out = nn.Conv2d(w, c, 3, padding=1)
        nn.init.zeros_(self.out.weight)

    def forward(self, x, t):
        half = self.w // 2
        frequencies = torch.exp(torch.arange(half, dtype=torch.float32) * (-math.log(10000) / half))
        angles = t.reshape(-1, 1) * frequencies.reshape(1, half)
        e = self.time_out(silu(self.time_in(torch.cat([angles.sin(), angles.cos()], 1))))
        h1 = self.top(self.inc(x), e)
        h2 = self.middle(self.down1(h1), e)
        h3 = self.bottom(self.down2(h2), e)
        g2 = self.middle_up(torch.cat([self.up2(h3), h2], 1), e)
        g1 = self.top_up(torch.cat([self.up1(g2), h1], 1), e)
        return self.out(silu(g1))


class DiffusionStep:
    """DiffusionTraining: DDPM's simple loss, times uniform over the linear schedule of 1,000 (NoiseSchedule)."""

    def __init__(self):
        self.net = UNet()
        self.alpha_bar = torch.cumprod(1 - torch.linspace(1e-4, 0.02, 1000), 0)
        self.optimizer = torch.optim.Adam(self.net.parameters(), lr=1e-3, betas=(0.9, 0.999))

    def __call__(self, images):
        n = images.shape[0]
        times = torch.randint(0, 1000, (n,))
        ab = self.alpha_bar[times].reshape(n, 1, 1, 1)
        noise = torch.randn_like(images)
        noised = (images * 2 - 1) * ab.sqrt() + noise * (1 - ab).sqrt()
        loss = (self.net(noised, times.float()) - noise).pow(2).mean()
        loss.item()
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()


def main():
    family, batch, steps, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    step = {"vae": lambda: VaeStep(), "gan": lambda: GanStep(), "split-vae": lambda: VaeStep(150, True),
            "flow": lambda: FlowStep(), "diffusion": lambda: DiffusionStep()}[family]()
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
