"""Viterbi tagging with a CRFsuite model read straight from its file, on attribute ids.

pycrfsuite's ``Tagger.tag`` takes one list of attribute strings per token and looks each up in
the model's string database; at news-article rates that hand-over costs more than the CRF
itself. This module reads the same ``.crfsuite`` file (CRFsuite's ``crf1dm`` format: header,
label and attribute CQDBs, feature table) into a weight matrix, so callers pass small integer
ids (``CompiledCRF.attribute_ids``) instead, and scores and decodes whole batches of sentences
with numpy.

It computes exactly what CRFsuite's tagger does (``crf1dt_state_score`` and
``crf1dc_viterbi``): a token's score for a label is the sum of the weights of its attributes
added one by one in the order given, starting from 0; the best path takes, for each label, the
first predecessor with the strictly highest ``previous + transition`` and adds the state score;
the last label is the first best. Id ``zero_id`` is an all-zero weight row: adding it changes no
sum, so id rows of different lengths can be padded with it anywhere. ``tests/test_entities_crf.py``
checks the tags against pycrfsuite on real sentences.
"""
from __future__ import annotations

import struct

import numpy as np

_HEADER = struct.Struct("<4sI4sIIIIIIIII")  # magic, size, type, version, #features, #labels,
# #attrs, offsets of features, labels, attrs, label refs, attr refs
_CHUNK = 12  # chunk id, size, count
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_CQDB_HEADER = struct.Struct("<4sIIIII")  # chunk id, size, flag, byte order, #backlinks, backlink offset
_STATE, _TRANSITION = 0, 1


class ModelFormatError(ValueError):
    """The file is not a CRFsuite (crf1d) model this reader understands."""


def _cqdb_strings(buf: bytes, base: int) -> list[str]:
    """The strings of a CQDB chunk at ``base``, by id (via its backward-link array)."""
    chunk, _size, _flag, order, bwd_size, bwd_offset = _CQDB_HEADER.unpack_from(buf, base)
    if chunk != b"CQDB" or order != 0x62445371 or not bwd_offset:
        raise ModelFormatError("bad CQDB chunk")
    offsets = struct.unpack_from(f"<{bwd_size}I", buf, base + bwd_offset)
    out = []
    for off in offsets:
        _id, ksize = struct.unpack_from("<II", buf, base + off)
        start = base + off + 8
        out.append(buf[start:start + ksize - 1].decode("utf-8"))  # ksize counts the NUL
    return out


def ordered_sums(weights: np.ndarray, ids: np.ndarray, start: np.ndarray | None = None) -> np.ndarray:
    """``start`` (default 0) plus ``weights[ids[k]]`` for k = 0, 1, ... in that order, for
    ``ids`` of any shape ``(slots, ...)``: CRFsuite's order, so the sums are bit-identical.
    (numpy reduces over the first axis of a C-ordered array one slice after another into the
    first, elementwise: no pairwise summation, which applies along the innermost axis only.)"""
    n_slots = ids.shape[0]
    if start is None:
        if not n_slots:
            return np.zeros((*ids.shape[1:], weights.shape[1]))
        return np.add.reduce(weights.take(ids, axis=0), axis=0)
    rows = np.empty((n_slots + 1, *start.shape))
    rows[0] = start
    np.take(weights, ids, axis=0, out=rows[1:], mode="clip")  # ids are valid; "raise" would copy
    return np.add.reduce(rows, axis=0)


def add_weight_rows(weights: np.ndarray, ids: np.ndarray, start: np.ndarray | None = None) -> np.ndarray:
    """``start`` (default 0) plus ``weights[id]`` for each id of each row of ``ids``
    ``(tokens, slots)``, added left to right as CRFsuite does, so sums are bit-identical."""
    return ordered_sums(weights, ids.T, start)


class CompiledCRF:
    """A linear-chain CRF as arrays: ``weights[attribute id, label]`` (plus a zero row) and
    ``transitions[from label, to label]``."""

    def __init__(self, labels: list[str], attributes: list[str], weights: np.ndarray, transitions: np.ndarray):
        self.labels = labels
        self.label_array = np.array(labels, dtype=object)
        self.attribute_ids = {a: i for i, a in enumerate(attributes)}
        self.zero_id = len(attributes)
        self.weights = weights
        self.transitions = transitions

    @classmethod
    def from_bytes(cls, buf: bytes) -> CompiledCRF:
        try:
            return cls._parse(buf)
        except (struct.error, IndexError, UnicodeDecodeError, ValueError) as exc:
            if isinstance(exc, ModelFormatError):
                raise
            raise ModelFormatError(f"truncated or corrupt model ({exc})") from exc

    @classmethod
    def _parse(cls, buf: bytes) -> CompiledCRF:
        (magic, _size, mtype, _version, _n_feat, n_labels, n_attrs, off_feat, off_labels, off_attrs,
         _off_lrefs, _off_arefs) = _HEADER.unpack_from(buf, 0)
        if magic != b"lCRF" or mtype != b"FOMC":
            raise ModelFormatError("not a CRFsuite crf1d model")
        labels = _cqdb_strings(buf, off_labels)
        attributes = _cqdb_strings(buf, off_attrs)
        if len(labels) != n_labels or len(attributes) != n_attrs:
            raise ModelFormatError("label or attribute count disagrees with the header")
        chunk, _chunk_size, n_feat = struct.unpack_from("<4sII", buf, off_feat)  # the header's count is 0
        if chunk != b"FEAT":
            raise ModelFormatError("no feature chunk")
        feats = np.frombuffer(buf, dtype=_FEATURE, count=n_feat, offset=off_feat + _CHUNK)
        weights = np.zeros((n_attrs + 1, n_labels), dtype=np.float64)
        state = feats[feats["type"] == _STATE]
        weights[state["src"], state["dst"]] = state["weight"]
        transitions = np.zeros((n_labels, n_labels), dtype=np.float64)
        trans = feats[feats["type"] == _TRANSITION]
        transitions[trans["src"], trans["dst"]] = trans["weight"]
        return cls(labels, attributes, weights, transitions)

    def state_scores(self, ids: np.ndarray, start: np.ndarray | None = None) -> np.ndarray:
        """Scores ``(tokens, labels)``: ``start`` (default 0) plus the weights of each row of
        the id matrix ``(tokens, slots)`` added left to right, CRFsuite's order, so the sums
        are bit-identical to its own."""
        return add_weight_rows(self.weights, ids, start)

    def viterbi(self, scores: np.ndarray, lengths: list[int]) -> list[np.ndarray]:
        """The best label index path of each sentence; ``scores`` holds the sentences' token
        rows one after another, ``lengths`` their token counts (each at least 1)."""
        if not len(lengths):
            return []
        return np.split(self.viterbi_flat(scores, lengths), np.cumsum(lengths[:-1]))

    def viterbi_flat(self, scores: np.ndarray, lengths: list[int]) -> np.ndarray:
        """``viterbi``'s paths one after another, as the rows of ``scores``. All sentences
        advance together, one numpy step per token position."""
        n_sent = len(lengths)
        if not n_sent:
            return np.zeros(0, dtype=np.intp)
        n_labels = self.transitions.shape[0]
        lens = np.asarray(lengths, dtype=np.intp)
        order = np.argsort(-lens, kind="stable")  # longest first: the live sentences are a prefix
        sorted_lens = lens[order]
        longest = int(sorted_lens[0])
        starts = np.zeros(n_sent, dtype=np.intp)
        np.cumsum(lens[:-1], out=starts[1:])
        pos = np.arange(longest)
        rows = starts[order][None, :] + pos[:, None]  # [position, sentence] -> row of scores
        rows[pos[:, None] >= sorted_lens[None, :]] = len(scores)  # past the end: a zero row
        steps = np.concatenate([scores, np.zeros((1, n_labels))])[rows]  # [position, sentence, label]
        live = (n_sent - np.searchsorted(sorted_lens[::-1], pos, side="right")).tolist()  # sentences at each position
        # flat layouts, so every step is a few calls on contiguous arrays (numpy's broadcasting
        # over such small axes costs more than the arithmetic): cand[(sentence, to, from)] =
        # alpha[(sentence, from)] + transitions[from, to], gathered by ``spread``
        per = n_labels * n_labels
        spread = (np.arange(n_sent)[:, None, None] * n_labels
                  + np.arange(n_labels)[None, None, :] + np.zeros((1, n_labels, 1), dtype=np.intp)).ravel()
        trans_tiled = np.tile(self.transitions.T.ravel(), n_sent)  # [(sentence, to, from)]
        alpha = steps[0].ravel().copy()  # [(sentence, label)]
        cand = np.empty(n_sent * per)
        best_at = np.arange(n_sent * n_labels) * n_labels  # where each (sentence, to) row of cand starts
        # backs[t][(sentence, label)] = the best label at t - 1
        backs = np.empty((longest, n_sent * n_labels), dtype=np.intp)
        step_rows = steps.reshape(longest, n_sent * n_labels)
        views: dict[int, tuple] = {}  # per number of live sentences: the array views a step uses
        for t in range(1, longest):
            a = live[t]
            v = views.get(a)
            if v is None:
                v = views[a] = (spread[:a * per], trans_tiled[:a * per], cand[:a * per],
                                cand[:a * per].reshape(a * n_labels, n_labels), best_at[:a * n_labels],
                                alpha[:a * n_labels])
            spread_a, trans_a, cand_flat, cand_rows, best_at_a, alpha_live = v
            np.add(alpha.take(spread_a), trans_a, out=cand_flat)
            best = cand_rows.argmax(axis=1, out=backs[t, :a * n_labels])  # the first best predecessor
            np.add(cand_flat.take(best + best_at_a), step_rows[t, :a * n_labels], out=alpha_live)
        # back-tracking, one take per position: paths[t, sentence] is the label at t as an index
        # of a (sentence, label) row, so backs (turned into such indexes in one pass) maps the
        # live sentences' row at t straight to their row at t - 1; a sentence that ends at t - 1
        # already holds its last label there
        row_start = np.arange(n_sent) * n_labels
        backs[1:] += np.repeat(row_start, n_labels)  # (row 0 is never read)
        paths = np.empty((longest, n_sent), dtype=np.intp)  # [position, sentence]
        paths[sorted_lens - 1, np.arange(n_sent)] = alpha.reshape(n_sent, n_labels).argmax(axis=1) + row_start
        for t in range(longest - 1, 0, -1):
            a = live[t]
            backs[t].take(paths[t, :a], out=paths[t - 1, :a], mode="clip")
        paths -= row_start
        flat = np.empty(len(scores), dtype=np.intp)
        inside = rows < len(scores)  # rows: [position, sentence] -> row of scores (or past the end)
        flat[rows[inside]] = paths[inside]
        return flat

    def tag(self, ids: np.ndarray, lengths: list[int], start: np.ndarray | None = None) -> list[list[str]]:
        """Label strings per sentence."""
        paths = self.viterbi(self.state_scores(ids, start), lengths)
        return [self.label_array[p].tolist() for p in paths]
