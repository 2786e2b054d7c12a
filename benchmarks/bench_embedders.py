"""Embedders compared on our data: cross-lingual alignment, clustering NMI, speed. Prints JSON.

    python benchmarks/bench_embedders.py
    python benchmarks/bench_embedders.py --vendor benchmarks/out/vendor   # also tokenlearn-static-model, if installed there

- cross-lingual: 36 consultation sentences written for this benchmark in es/pt/en (the
  same meaning in each language): mean cosine of translations, mean cosine to an
  unrelated sentence, and top-1 retrieval (en->es, en->pt, es->pt);
- clustering: k-means (k=60, seed 42) on the unique comments of the Chile 5k sample,
  NMI against ``concepto`` (USE and static models as is; TF-IDF/SVD fitted on them);
- speed: sentences per second on 2,000 Chile comments (no cache), this machine.

``tokenlearn-static-model`` declares no licence: it is measured here only when it
can be imported (``pip install --target DIR tokenlearn-static-model`` and
``--vendor DIR``), never a dependency.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from consultnlp.embedders.base import l2_normalise  # noqa: E402

CHILE = ROOT.parent / "shared" / "data" / "external" / "chile-ela-2016" / "ela_fundamentos_sample5k.csv"

# (es, pt, en): written for this benchmark (CC0), the kind of thing people write in consultations.
TRIPLES = [
    (
        "Queremos agua potable en todos los barrios.",
        "Queremos água potável em todos os bairros.",
        "We want drinking water in every neighbourhood.",
    ),
    (
        "El gobierno debe publicar los contratos de obras públicas.",
        "O governo deve publicar os contratos de obras públicas.",
        "The government must publish public works contracts.",
    ),
    (
        "Las listas de espera en los hospitales son demasiado largas.",
        "As filas de espera nos hospitais são longas demais.",
        "Hospital waiting lists are far too long.",
    ),
    (
        "Hace falta más transporte público en las zonas rurales.",
        "Falta mais transporte público nas zonas rurais.",
        "Rural areas need more public transport.",
    ),
    ("Los profesores necesitan mejores salarios.", "Os professores precisam de salários melhores.", "Teachers need better salaries."),
    ("Prohibir la minería cerca de los glaciares.", "Proibir a mineração perto das geleiras.", "Ban mining near the glaciers."),
    (
        "Los datos abiertos deben estar en formatos reutilizables.",
        "Os dados abertos devem estar em formatos reutilizáveis.",
        "Open data should be in reusable formats.",
    ),
    (
        "Que los parlamentarios declaren sus conflictos de interés.",
        "Que os parlamentares declarem seus conflitos de interesse.",
        "Members of parliament should declare their conflicts of interest.",
    ),
    (
        "La policía debe rendir cuentas por el uso de la fuerza.",
        "A polícia deve prestar contas pelo uso da força.",
        "Police must be accountable for the use of force.",
    ),
    (
        "Necesitamos viviendas dignas a precios accesibles.",
        "Precisamos de moradias dignas a preços acessíveis.",
        "We need decent housing at affordable prices.",
    ),
    (
        "Proteger los bosques nativos de la deforestación.",
        "Proteger as florestas nativas do desmatamento.",
        "Protect native forests from deforestation.",
    ),
    ("Las pensiones no alcanzan para vivir.", "As aposentadorias não dão para viver.", "Pensions are not enough to live on."),
    (
        "Quiero que el presupuesto municipal sea participativo.",
        "Quero que o orçamento municipal seja participativo.",
        "I want the municipal budget to be participatory.",
    ),
    (
        "Los pueblos indígenas deben ser consultados antes de cada proyecto.",
        "Os povos indígenas devem ser consultados antes de cada projeto.",
        "Indigenous peoples must be consulted before every project.",
    ),
    (
        "La educación pública debe ser gratuita y de calidad.",
        "A educação pública deve ser gratuita e de qualidade.",
        "Public education must be free and of good quality.",
    ),
    ("Reciclar la basura en cada comuna.", "Reciclar o lixo em cada município.", "Recycle waste in every municipality."),
    (
        "El portal de transparencia se cae constantemente.",
        "O portal da transparência cai o tempo todo.",
        "The transparency portal keeps crashing.",
    ),
    ("Más ciclovías seguras en la ciudad.", "Mais ciclovias seguras na cidade.", "More safe bike lanes in the city."),
    (
        "Garantizar el derecho a huelga de los trabajadores.",
        "Garantir o direito de greve dos trabalhadores.",
        "Guarantee workers' right to strike.",
    ),
    (
        "Las mujeres deben recibir el mismo sueldo que los hombres.",
        "As mulheres devem receber o mesmo salário que os homens.",
        "Women must be paid the same as men.",
    ),
    (
        "Castigar con cárcel la corrupción de los funcionarios.",
        "Punir com prisão a corrupção dos servidores.",
        "Punish corruption by officials with prison.",
    ),
    ("Instalar paneles solares en las escuelas.", "Instalar painéis solares nas escolas.", "Install solar panels in schools."),
    ("Los medicamentos son demasiado caros.", "Os remédios são caros demais.", "Medicines are too expensive."),
    (
        "Que las empresas paguen por la contaminación que generan.",
        "Que as empresas paguem pela poluição que geram.",
        "Companies should pay for the pollution they cause.",
    ),
    ("Internet gratis en las plazas públicas.", "Internet grátis nas praças públicas.", "Free internet in public squares."),
    ("Los pescadores artesanales necesitan apoyo.", "Os pescadores artesanais precisam de apoio.", "Small-scale fishers need support."),
    (
        "Las personas con discapacidad no pueden entrar a los edificios públicos.",
        "As pessoas com deficiência não conseguem entrar nos prédios públicos.",
        "Disabled people cannot get into public buildings.",
    ),
    ("Proteger los datos personales de los ciudadanos.", "Proteger os dados pessoais dos cidadãos.", "Protect citizens' personal data."),
    ("Que el Estado sea laico.", "Que o Estado seja laico.", "The state should be secular."),
    ("Más fiscalización de las quemas ilegales.", "Mais fiscalização das queimadas ilegais.", "More inspections of illegal burning."),
    (
        "Las audiencias públicas deben transmitirse en vivo.",
        "As audiências públicas devem ser transmitidas ao vivo.",
        "Public hearings should be streamed live.",
    ),
    ("El agua no puede ser un negocio privado.", "A água não pode ser um negócio privado.", "Water cannot be a private business."),
    (
        "Capacitar a los funcionarios en lenguaje claro.",
        "Capacitar os servidores em linguagem simples.",
        "Train civil servants in plain language.",
    ),
    ("Reducir las emisiones de los autos.", "Reduzir as emissões dos carros.", "Cut car emissions."),
    ("Crear huertos comunitarios en los barrios.", "Criar hortas comunitárias nos bairros.", "Create community gardens in neighbourhoods."),
    (
        "Que los niños tengan acceso a salud mental.",
        "Que as crianças tenham acesso à saúde mental.",
        "Children should have access to mental health care.",
    ),
]


def cross_lingual(encode: Callable[[list[str]], np.ndarray]) -> dict[str, Any]:
    es, pt, en = (l2_normalise(np.asarray(encode([t[i] for t in TRIPLES]), dtype=np.float32)) for i in range(3))
    n = len(TRIPLES)
    pairs = {"en_es": (en, es), "en_pt": (en, pt), "es_pt": (es, pt)}
    out: dict[str, Any] = {}
    for name, (a, b) in pairs.items():
        sims = a @ b.T
        out[f"cosine_{name}"] = round(float(np.mean(np.diag(sims))), 3)
        out[f"top1_{name}"] = round(float(np.mean(sims.argmax(axis=1) == np.arange(n))), 3)
    # Unrelated: each sentence against the next triple's translation.
    out["cosine_unrelated"] = round(float(np.mean([(en @ es.T)[i, (i + 1) % n] for i in range(n)])), 3)
    return out


def clustering_nmi(vectors: np.ndarray, labels: np.ndarray) -> float:
    from sklearn.cluster import KMeans
    from sklearn.metrics import normalized_mutual_info_score

    topics = KMeans(n_clusters=60, n_init=3, random_state=42).fit_predict(vectors)
    return round(float(normalized_mutual_info_score(labels, topics)), 4)


def speed(encode: Callable[[list[str]], np.ndarray], texts: list[str]) -> float:
    started = time.perf_counter()
    encode(texts)
    return round(len(texts) / (time.perf_counter() - started), 1)


def candidates(vendor: Path | None, chile_texts: list[str]) -> dict[str, tuple[Callable[[list[str]], np.ndarray], str]]:
    from consultnlp.embedders.tfidf import TfidfSvdEmbedder
    from consultnlp.embedders.use import UseEmbedder

    use = UseEmbedder()
    found: dict[str, tuple[Callable[[list[str]], np.ndarray], str]] = {
        "use-multilingual": (use.encode, "Apache-2.0, 32 MB, weights in the package")
    }

    def tfidf(texts: list[str]) -> np.ndarray:
        # Fitted on the Chile comments plus the texts: it only knows a corpus it has seen.
        model = TfidfSvdEmbedder(dimensions=256).fit(chile_texts + list(texts))
        return model.encode(texts)

    found["tfidf-svd"] = (tfidf, "no model (char n-gram TF-IDF + SVD fitted on the corpus)")
    if vendor is not None:
        sys.path.insert(0, str(vendor))
    try:
        import static_model

        found["tokenlearn-static-model"] = (
            lambda texts: np.asarray(static_model.get_embeddings(list(texts)), dtype=np.float32),
            "no licence declared: measured only, not a dependency",
        )
    except ImportError:
        pass
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--vendor",
        type=Path,
        default=ROOT / "benchmarks" / "out" / "vendor",
        help="folder with packages installed for measurement only (pip install --target)",
    )
    parser.add_argument("--speed-n", type=int, default=2000)
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    chile = pd.read_csv(CHILE) if CHILE.exists() else None
    texts = chile["fundamento"].astype(str).drop_duplicates().tolist() if chile is not None else []
    labels = chile.drop_duplicates("fundamento")["concepto"].to_numpy() if chile is not None else None
    report: dict[str, Any] = {"machine_note": "shared 2-core machine; speeds vary with load", "triples": len(TRIPLES)}
    for name, (encode, note) in candidates(args.vendor if args.vendor.exists() else None, texts).items():
        row: dict[str, Any] = {"note": note, **cross_lingual(encode)}
        if texts:
            row["sentences_per_s"] = speed(encode, texts[: args.speed_n])
            vectors = encode(texts) if name != "tfidf-svd" else l2_normalise(encode(texts))
            row["chile_kmeans60_nmi_concepto"] = clustering_nmi(l2_normalise(np.asarray(vectors, dtype=np.float32)), labels)
        report[name] = row
        print(f"# {name}: {row}", file=sys.stderr, flush=True)
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
