"""Train the byte-level corrector within a wall-time budget; resumable; logs loss, throughput and dev accuracy.

  /usr/bin/python3 models/training/train.py --config cpu --data data --out models/training/runs/cpu --minutes 110
      [--resume models/training/checkpoints/decoder.pt]   (the shipped model's weights: decoder-recover)
  python3 models/training/train.py --config gpu --data .carry/data --out /tmp/run --minutes 5.5   (on a GPU)
"""
from __future__ import annotations

import argparse
import collections
import itertools
import json
import math
import multiprocessing as mp
import os
import sys
import time
from pathlib import Path

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).parent))
from data import Corpus, Mixture, decoder_input, load_corpus, make_batches  # noqa: E402
from dev_eval import evaluate_dev  # noqa: E402
from model import ByteT5, ModelConfig, autocast  # noqa: E402
from vocab import PAD  # noqa: E402

CONFIGS = {
    # name: (model config, token budget per batch, examples per worker task, peak lr)
    "tiny": (ModelConfig(d_model=64, n_heads=2, d_ff=128, enc_layers=2, dec_layers=1), 4096, 256, 3e-3),
    "cpu": (ModelConfig(d_model=128, n_heads=4, d_ff=512, enc_layers=4, dec_layers=1, tie=True, pos_init="sinusoidal"),
            1536, 1024, 2e-3),
    "gpu": (ModelConfig(d_model=384, n_heads=6, d_ff=1536, enc_layers=6, dec_layers=2, tie=True), 98304, 8192, 8e-4),
}

_CORPUS: Corpus | None = None
_TASK = (0, 0, 0)


def _worker_batches(i: int):
    n, budget, seed = _TASK
    torch.set_num_threads(1)
    return make_batches(_CORPUS, seed * 1_000_003 + i, n, budget, Mixture())


def lr_at(frac: float, peak: float, warmup_frac: float) -> float:
    if frac < warmup_frac:
        return peak * frac / warmup_frac
    t = (frac - warmup_frac) / max(1e-9, 1 - warmup_frac)
    return peak * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, t))))


def start_profiler(device: str):
    from torch.profiler import ProfilerActivity, profile
    activities = [ProfilerActivity.CPU] + ([ProfilerActivity.CUDA] if device == "cuda" else [])
    profiler = profile(activities=activities)
    profiler.start()
    return profiler


def write_profile(profiler, path: Path, steps: int, seconds: float, device: str):
    """The profiled steps' operators in a text table, by their time on the GPU (on the CPU without one)."""
    profiler.stop()
    events = profiler.key_averages()
    key = "self_cpu_time_total"
    if device == "cuda":  # torch 2.x names it device time; 1.x cuda time
        key = "self_device_time_total" if hasattr(events[0], "self_device_time_total") else "self_cuda_time_total"
    path.write_text(f"{steps} steps in {seconds:.3f} s wall (profiler on), sorted by {key}\n"
                    + events.table(sort_by=key, row_limit=30) + "\n" + events.table(sort_by="cpu_time_total", row_limit=15))


def main():
    global _CORPUS, _TASK
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--config", choices=CONFIGS, default="cpu")
    ap.add_argument("--data", type=Path, default=Path("data"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--minutes", type=float, default=100.0)
    ap.add_argument("--workers", type=int, default=max(1, (os.cpu_count() or 2) - 1))
    ap.add_argument("--limit-mb", type=float, default=0, help="cap sentences per language (MB), 0 = all")
    ap.add_argument("--dev-limit", type=int, default=200, help="dev sentences per language after training (0 = skip)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--token-budget", type=int, default=0, help="override the config's padded ids per batch")
    ap.add_argument("--task-examples", type=int, default=0, help="override the examples per worker task")
    ap.add_argument("--lr", type=float, default=0, help="override the config's peak learning rate (e.g. lower to continue)")
    ap.add_argument("--profile", type=int, default=0,
                    help="profile this many steps after --profile-after steps; the op table goes to OUT/profile.txt")
    ap.add_argument("--profile-after", type=int, default=30, help="warm-up steps before --profile starts")
    ap.add_argument("--resume", type=Path, default=None,
                    help="start from this checkpoint (used when OUT has no ckpt.pt of its own)")
    a = ap.parse_args()

    cfg, budget, n_task, peak_lr = CONFIGS[a.config]
    budget, n_task, peak_lr = a.token_budget or budget, a.task_examples or n_task, a.lr or peak_lr
    device = "cuda" if torch.cuda.is_available() else "cpu"
    if a.threads:
        torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    a.out.mkdir(parents=True, exist_ok=True)
    log = open(a.out / "log.jsonl", "a")

    def emit(**rec):
        rec["t"] = round(time.time() - t_start, 1)
        print(json.dumps(rec), flush=True)
        log.write(json.dumps(rec) + "\n")
        log.flush()

    t_start = time.time()
    _CORPUS = load_corpus(a.data, "train", int(a.limit_mb * 1e6) or None)
    emit(event="corpus", langs={l: len(s) for l, s in _CORPUS.sentences.items()},
         words={l: len(w) for l, w in _CORPUS.words.items()})
    _TASK = (n_task, budget, a.seed)

    ctx = mp.get_context("fork")
    pool = ctx.Pool(a.workers)  # forked before CUDA starts: children only build batches
    model = ByteT5(cfg).to(device)
    use_fused = device == "cuda" and "fused" in torch.optim.AdamW.__init__.__code__.co_varnames
    opt = torch.optim.AdamW(model.parameters(), lr=peak_lr, betas=(0.9, 0.98), weight_decay=0.01,
                            **({"fused": True} if use_fused else {}))
    ckpt_path = a.out / "ckpt.pt"
    step, elapsed_before, seen_bytes = 0, 0.0, 0
    # OUT/ckpt.pt: the same run, interrupted, goes on within its budget. --resume: a new run (its own budget and
    # schedule) from another checkpoint; one without optimizer state (fp16 weights, e.g. decoder-recover's of the
    # shipped model) starts AdamW afresh.
    resume = ckpt_path if ckpt_path.exists() else a.resume
    if resume:
        ck = torch.load(str(resume), map_location=device)
        differs = {k: (ck["config"].get(k), v) for k, v in cfg.to_dict().items()
                   if k not in ("pos_init", "dropout") and ck["config"].get(k) != v}
        if differs:
            raise SystemExit(f"{resume} holds another network than --config {a.config} (theirs, ours): {differs}")
        model.load_state_dict({k: v.float() for k, v in ck["model"].items()})
        if "opt" in ck:
            opt.load_state_dict(ck["opt"])
        step, seen_bytes = ck["step"], ck["bytes"]
        elapsed_before = ck["elapsed"] if resume == ckpt_path else 0.0
        emit(event="resume", checkpoint=str(resume), step=step, elapsed=elapsed_before, optimizer="opt" in ck)
    emit(event="model", params=model.num_parameters(), config=cfg.to_dict(), device=device)
    # Model FLOPs per padded position (6 x the weights each position passes through: forward and backward), the
    # figure MODEL.md reports as TFLOP/s; attention's score products are left out (small at these lengths).
    enc_weights = sum(p.numel() for p in model.encoder.parameters())
    dec_weights = sum(p.numel() for p in model.decoder.parameters()) + model.lm_head.weight.numel()
    if device == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True

    budget_s = a.minutes * 60
    def batch_stream():
        # Bounded submission: imap over an endless iterator makes the pool's feeder thread queue tasks forever.
        tasks = itertools.count(step * 7919)
        pending = collections.deque(pool.apply_async(_worker_batches, (next(tasks),)) for _ in range(2 * a.workers))
        while True:
            batches = pending.popleft().get()
            pending.append(pool.apply_async(_worker_batches, (next(tasks),)))
            yield from batches

    stream = batch_stream()
    t_train = time.time()
    last_log, last_ckpt, loss_acc, n_acc, bytes_window, flops_window = t_train, t_train, 0.0, 0, 0, 0.0
    model.train()

    def save(path: Path, full: bool):
        state = {"config": cfg.to_dict(), "step": step, "elapsed": elapsed, "bytes": seen_bytes}
        if full:
            state.update(model=model.state_dict(), opt=opt.state_dict())
        else:
            state["model"] = {k: v.detach().half().cpu() for k, v in model.state_dict().items()}
        torch.save(state, str(path) + ".tmp")
        os.replace(str(path) + ".tmp", path)

    elapsed = elapsed_before
    skipped = 0
    # Where a step's time goes, for the log: waiting for the workers' batches, and the step itself (its last kernels
    # end with the gradient check's synchronisation). On the H200 both networks ran at ~5 steps/s whatever their size
    # (session 29), so one of the two limits the run; these say which.
    feed_window, wait_start = 0.0, time.time()
    profiler, first_step = None, step
    for src_np, tgt_np in stream:
        if a.profile and step == first_step + a.profile_after and profiler is None:
            profiler, profile_start = start_profiler(device), time.time()
        if profiler is not None and step == first_step + a.profile_after + a.profile:
            write_profile(profiler, a.out / "profile.txt", a.profile, time.time() - profile_start, device)
            profiler = None
        feed_window += time.time() - wait_start
        elapsed = elapsed_before + time.time() - t_train
        if elapsed >= budget_s:
            break
        src = torch.from_numpy(src_np).to(device, non_blocking=True).long()
        tgt = torch.from_numpy(tgt_np).to(device, non_blocking=True).long()
        for g in opt.param_groups:
            g["lr"] = lr_at(elapsed / budget_s, peak_lr, 0.05)
        with autocast(device):
            logits = model(src, src != PAD, decoder_input(tgt))
        loss = F.cross_entropy(logits.float().view(-1, logits.shape[-1]), tgt.view(-1), ignore_index=PAD)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        if not torch.isfinite(grad_norm):
            # One non-finite step would poison every weight (an earlier GPU run ended all-NaN): skip it.
            skipped += 1
            if skipped % 10 == 1:
                emit(event="skip_nonfinite", step=step, skipped=skipped)
            if skipped >= 20 and model.train_sdpa:
                # Suspect the fused kernel's backward (an earlier run ended all-NaN): the plain path is exact.
                model.train_sdpa = False
                emit(event="attention_fallback", step=step, skipped=skipped)
            wait_start = time.time()
            continue
        opt.step()
        step += 1
        nbytes = int((src_np != PAD).sum())
        seen_bytes += nbytes
        bytes_window += nbytes
        flops_window += 6.0 * (enc_weights * src_np.size + dec_weights * tgt_np.size)
        loss_acc += float(loss.detach()) if step % 10 == 0 or device == "cpu" else 0.0
        n_acc += 1 if step % 10 == 0 or device == "cpu" else 0
        now = time.time()
        if now - last_log >= (30 if device == "cuda" else 60):
            emit(event="train", step=step, loss=round(loss_acc / max(1, n_acc), 4), skipped=skipped, lr=opt.param_groups[0]["lr"],
                 src_bytes_per_s=round(bytes_window / (now - last_log)), seen_mb=round(seen_bytes / 1e6, 1),
                 tflops=round(flops_window / (now - last_log) / 1e12, 2),
                 feed_wait=round(feed_window / (now - last_log), 3), elapsed=round(elapsed))
            last_log, loss_acc, n_acc, bytes_window, flops_window, feed_window = now, 0.0, 0, 0, 0.0, 0.0
        if now - last_ckpt >= 300:
            save(ckpt_path, full=True)
            last_ckpt = now
        wait_start = time.time()
    pool.terminate()
    if profiler is not None:  # the budget ended first: the steps profiled so far
        write_profile(profiler, a.out / "profile.txt", step - first_step - a.profile_after, time.time() - profile_start,
                      device)
    save(ckpt_path, full=True)
    save(a.out / "model.fp16.pt", full=False)
    emit(event="done", step=step, seen_mb=round(seen_bytes / 1e6, 1), elapsed=round(elapsed))
    if not a.dev_limit:
        return
    model.eval()
    dev = load_corpus(a.data, "dev")
    report = evaluate_dev(model, dev, device, a.dev_limit)
    emit(event="dev", **report)
    (a.out / "dev_report.json").write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
