"""Shared pieces of the store tests: synthetic articles and a store of the bundled examples,
built once per session (copy it before changing it)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

FLOOD_A = [
    {"id": "banjir-1", "published": "2024-03-04", "outlet": "Kabar Satu", "url": "https://satu.example/banjir-1",
     "title": "Banjir bandang landa Kabupaten Garut",
     "text": "Banjir Bandang Landa Kabupaten Garut\n\nGARUT - Banjir bandang melanda Kabupaten Garut, Jawa Barat, "
             "pada Senin (4/3/2024). Sebanyak 12 orang tewas dalam banjir bandang tersebut. \"Kami masih mencari "
             "korban yang hilang,\" kata Kepala BPBD Garut Asep Suryana. Ratusan rumah warga terendam lumpur di "
             "Kecamatan Tarogong."},
    {"id": "banjir-2", "published": "2024-03-05", "outlet": "Warta Dua", "url": "https://dua.example/banjir-2",
     "title": "Korban tewas banjir bandang Garut bertambah",
     "text": "Korban Tewas Banjir Bandang Garut Bertambah\n\nGARUT - Korban tewas akibat banjir bandang di "
             "Kabupaten Garut, Jawa Barat, bertambah. Sebanyak 15 orang tewas dalam banjir bandang itu. \"Tim SAR "
             "gabungan terus menyisir sungai,\" ujar Kepala BPBD Garut Asep Suryana, Selasa (5/3/2024). Lumpur "
             "merendam rumah warga di Kecamatan Tarogong."},
]
FLOOD_B = [
    {"id": "banjir-3", "published": "2024-03-06", "outlet": "Berita Tiga", "url": "https://tiga.example/banjir-3",
     "title": "Banjir bandang Garut: pengungsi butuh air bersih",
     "text": "Banjir Bandang Garut: Pengungsi Butuh Air Bersih\n\nGARUT - Pengungsi banjir bandang di Kabupaten "
             "Garut, Jawa Barat, membutuhkan air bersih. Sebanyak 20 orang tewas dalam banjir bandang di Kecamatan "
             "Tarogong itu. \"Kami kirim tangki air ke posko pengungsian,\" kata Kepala BPBD Garut Asep Suryana, "
             "Rabu (6/3/2024). Lumpur masih merendam rumah warga."},
]
ELECTION = [
    {"id": "pemilu-1", "published": "2024-03-06", "outlet": "Berita Tiga", "url": "https://tiga.example/pemilu-1",
     "title": "KPU mulai rekapitulasi suara nasional",
     "text": "KPU Mulai Rekapitulasi Suara Nasional\n\nJAKARTA - Komisi Pemilihan Umum (KPU) memulai rekapitulasi "
             "suara nasional di Jakarta, Rabu (6/3/2024). \"Rekapitulasi berjalan lancar dan terbuka,\" kata Ketua "
             "KPU Hasyim Asy'ari. Presiden Turki Recep Tayyip Erdoğan mengucapkan selamat atas pemilu yang damai."},
    {"id": "pemilu-2", "published": "2024-06-20", "outlet": "Kabar Satu", "url": "https://satu.example/pemilu-2",
     "title": "KPU tetapkan jadwal pilkada serentak",
     "text": "KPU Tetapkan Jadwal Pilkada Serentak\n\nJAKARTA - Komisi Pemilihan Umum menetapkan jadwal pemungutan "
             "suara pilkada serentak pada November. \"Semua tahapan pilkada sudah kami siapkan,\" kata Ketua Komisi "
             "Pemilihan Umum Hasyim Asy'ari di Jakarta, Kamis (20/6/2024). Anggaran pilkada dibahas bersama pemerintah daerah."},
]


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory) -> Path:
    """A store holding examples/ (ingested once); treat as read-only or copy with ``copy_db``."""
    from telaah.store import Store

    path = tmp_path_factory.mktemp("examples_store") / "telaah.db"
    with Store.open(path) as store:
        report = store.ingest_paths([str(EXAMPLES)])
    assert report.new == 11 and not report.skipped, report
    return path


def copy_db(src: Path, dst_dir: Path) -> Path:
    """Copy a closed store (its WAL was checkpointed on close)."""
    dst = dst_dir / src.name
    shutil.copy(src, dst)
    return dst
