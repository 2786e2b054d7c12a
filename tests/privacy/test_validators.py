"""Check-digit validators and the fakes built on them.

Every "valid" literal below is verified by the hand computation in its comment,
independently of the code under test.
"""

from __future__ import annotations

import random

import pytest

from consultnlp.privacy import (
    is_valid_cnpj,
    is_valid_cpf,
    is_valid_cuit,
    is_valid_curp,
    is_valid_rfc,
    is_valid_rut,
)
from tests.privacy.fakes import (
    fake_cnpj,
    fake_cpf,
    fake_cuit,
    fake_curp,
    fake_dni,
    fake_rfc,
    fake_rut,
)

# --- CPF ---------------------------------------------------------------------------------
# 529.982.247-25: 5*10+2*9+9*8+9*7+8*6+2*5+2*4+4*3+7*2 = 295; 295 % 11 = 9 -> 11-9 = 2.
#   then 5*11+2*10+9*9+9*8+8*7+2*6+2*5+4*4+7*3+2*2 = 347; 347 % 11 = 6 -> 11-6 = 5.
# 123.456.789-09: 1*10+2*9+...+9*2 = 210; 210 % 11 = 1 (< 2) -> 0.
#   then 1*11+2*10+...+9*3+0*2 = 255; 255 % 11 = 2 -> 9.


@pytest.mark.parametrize("cpf", ["529.982.247-25", "52998224725", "123.456.789-09", " 123 456 789 09 "])
def test_cpf_accepts_valid_formatted_or_bare(cpf: str) -> None:
    assert is_valid_cpf(cpf)


@pytest.mark.parametrize(
    "cpf", ["529.982.247-24", "529.982.247-15", "111.111.111-11", "000.000.000-00", "5299822472", "529982247250", "529.982.247-2X", ""]
)
def test_cpf_rejects_wrong_digits_repeated_or_bad_length(cpf: str) -> None:
    assert not is_valid_cpf(cpf)


# --- CNPJ --------------------------------------------------------------------------------
# 11.222.333/0001-81: 1*5+1*4+2*3+2*2+2*9+3*8+3*7+3*6+0+0+0+1*2 = 102; 102 % 11 = 3 -> 8.
#   then 1*6+1*5+2*4+2*3+2*2+3*9+3*8+3*7+0+0+0+1*3+8*2 = 120; 120 % 11 = 10 -> 1.
# 12.ABC.345/01DE-35 (alphanumeric, letters valued ASCII-48: A=17 ... E=21):
#   1*5+2*4+17*3+18*2+19*9+3*8+4*7+5*6+0*5+1*4+20*3+21*2 = 459; 459 % 11 = 8 -> 3.
#   then 1*6+2*5+17*4+18*3+19*2+3*9+4*8+5*7+0*6+1*5+20*4+21*3+3*2 = 424; 424 % 11 = 6 -> 5.
@pytest.mark.parametrize("cnpj", ["11.222.333/0001-81", "11222333000181", "12.ABC.345/01DE-35"])
def test_cnpj_accepts_valid_numeric_and_alphanumeric(cnpj: str) -> None:
    assert is_valid_cnpj(cnpj)


@pytest.mark.parametrize(
    "cnpj", ["11.222.333/0001-82", "11.222.333/0001-91", "00.000.000/0000-00", "12.ABC.345/01DE-36", "1122233300018", "12.ABC.345/01DE-3A"]
)
def test_cnpj_rejects_wrong_digits(cnpj: str) -> None:
    assert not is_valid_cnpj(cnpj)


# --- RUT ---------------------------------------------------------------------------------
# Weights 2,3,4,5,6,7,2,3 from the right; verifier = 11 - sum % 11 (11 -> 0, 10 -> K).
# 11.111.111-1: 2+3+4+5+6+7+2+3 = 32; 32 % 11 = 10 -> 1.
# 12.345.678-5: 8*2+7*3+6*4+5*5+4*6+3*7+2*2+1*3 = 138; 138 % 11 = 6 -> 5.
# 12.345.670-K: 0*2+7*3+6*4+5*5+4*6+3*7+2*2+1*3 = 122; 122 % 11 = 1 -> 10 -> K.
@pytest.mark.parametrize("rut", ["11.111.111-1", "12.345.678-5", "12345678-5", "123456785", "12.345.670-K", "12345670K", "12345670k"])
def test_rut_accepts_valid_formats(rut: str) -> None:
    assert is_valid_rut(rut)


@pytest.mark.parametrize("rut", ["11.111.111-2", "12.345.678-K", "12.345.670-0", "0-0", "12.345.678-X", "-5", ""])
def test_rut_rejects_wrong_verifier(rut: str) -> None:
    assert not is_valid_rut(rut)


# --- CUIT --------------------------------------------------------------------------------
# Weights 5,4,3,2,7,6,5,4,3,2; digit = 11 - sum % 11 (11 -> 0, 10 -> no valid digit).
# Body 12345678 contributes 1*3+2*2+3*7+4*6+5*5+6*4+7*3+8*2 = 138.
# 20-12345678-6: 2*5+0*4+138 = 148; 148 % 11 = 5 -> 6.
# 27-12345678-0: 2*5+7*4+138 = 176; 176 % 11 = 0 -> 11 -> 0.
# 30-12345678-1: 3*5+0*4+138 = 153; 153 % 11 = 10 -> 1.
# 20-12345676-?: 10+(138-16+12) = 144; 144 % 11 = 1 -> 10: AFIP never issues it, so no digit fits.
@pytest.mark.parametrize("cuit", ["20-12345678-6", "20123456786", "27-12345678-0", "30-12345678-1"])
def test_cuit_accepts_valid(cuit: str) -> None:
    assert is_valid_cuit(cuit)


@pytest.mark.parametrize(
    "cuit", ["20-12345678-5", "21-12345678-6", "27-12345678-9", "2012345678", ""] + [f"20-12345676-{d}" for d in range(10)]
)
def test_cuit_rejects_wrong_digit_unknown_prefix_or_remainder_ten(cuit: str) -> None:
    assert not is_valid_cuit(cuit)


# --- CURP --------------------------------------------------------------------------------
# Values 0-9, A=10 ... N=23, Ñ=24, O=25 ... Z=36; weights 18..2; digit = (10 - sum % 10) % 10.
# HEGG560427MVZRRL04: H17*18+E14*17+G16*16+G16*15+5*14+6*13+0*12+4*11+2*10+7*9+M22*8+V32*7
#   +Z36*6+R28*5+R28*4+L21*3+0*2 = 2246; 2246 % 10 = 6 -> 4.
def test_curp_accepts_valid() -> None:
    assert is_valid_curp("HEGG560427MVZRRL04")
    assert is_valid_curp("hegg560427mvzrrl04")


@pytest.mark.parametrize(
    "curp",
    [
        "HEGG560427MVZRRL05",  # wrong check digit
        "HEGG560427MXXRRL04",  # unknown state
        "HEGG561327MVZRRL04",  # month 13
        # 29 Feb 1957 does not exist; the check digit is right: the date sum changes from
        # 5*14+6*13+0*12+4*11+2*10+7*9 = 275 to 5*14+7*13+0*12+2*11+2*10+9*9 = 284, total 2255 -> 5.
        "HEGG570229MVZRRL05",
        "HEGG560427MVZRRL0",  # too short
    ],
)
def test_curp_rejects_bad_digit_state_or_date(curp: str) -> None:
    assert not is_valid_curp(curp)


# --- RFC ---------------------------------------------------------------------------------
# Values 0-9, A=10 ... N=23, &=24, O=25 ... Z=36, space=37; padded to 12 on the left; weights 13..2;
# digit = 11 - sum % 11 (11 -> 0, 10 -> A).
# GODE561231GR8: G16*13+O25*12+D13*11+E14*10+5*9+6*8+1*7+2*6+3*5+1*4+G16*3+R28*2 = 1026;
#   1026 % 11 = 3 -> 8.
# MAB9307148T4 (moral, " MAB9307148T"): 37*13+M22*12+A10*11+B11*10+9*9+3*8+0*7+7*6+1*5+4*4+8*3+T30*2
#   = 1217; 1217 % 11 = 7 -> 4.
# VACE460910SX6: V32*13+A10*12+C12*11+E14*10+4*9+6*8+0*7+9*6+1*5+0*4+S29*3+X34*2 = 1106;
#   1106 % 11 = 6 -> 5, so a final 6 is wrong.
# GODE561331GR2: month 13, check digit right: the month digit 2 -> 3 has weight 6, 1026 + 6 = 1032;
#   1032 % 11 = 9 -> 2. Rejected for the date alone.
@pytest.mark.parametrize("rfc", ["GODE561231GR8", "GODE-561231-GR8", "MAB9307148T4", "mab 930714 8t4"])
def test_rfc_accepts_valid_fisica_and_moral(rfc: str) -> None:
    assert is_valid_rfc(rfc)


@pytest.mark.parametrize("rfc", ["VACE460910SX6", "GODE561231GR9", "GODE561331GR2", "GODE561231GR", "GO1E561231GR8"])
def test_rfc_rejects_bad_check_digit_date_or_shape(rfc: str) -> None:
    assert not is_valid_rfc(rfc)


# --- fakes -------------------------------------------------------------------------------
_FAKES = {
    "CPF": (lambda r: fake_cpf(r, formatted=r.random() < 0.5), is_valid_cpf),
    "CNPJ": (lambda r: fake_cnpj(r, formatted=r.random() < 0.5), is_valid_cnpj),
    "RUT": (lambda r: fake_rut(r, formatted=r.random() < 0.5), is_valid_rut),
    "CUIT": (lambda r: fake_cuit(r, formatted=r.random() < 0.5), is_valid_cuit),
    "CURP": (fake_curp, is_valid_curp),
    "RFC": (fake_rfc, is_valid_rfc),
}


@pytest.mark.parametrize("kind", sorted(_FAKES))
def test_fakes_all_validate(kind: str) -> None:
    make, is_valid = _FAKES[kind]
    rng = random.Random(7)
    fakes = [make(rng) for _ in range(500)]
    assert all(is_valid(f) for f in fakes)
    assert len(set(fakes)) > 490  # not one identifier repeated


@pytest.mark.parametrize("kind", sorted(_FAKES))
def test_fakes_changed_check_digit_invalidates(kind: str) -> None:
    make, is_valid = _FAKES[kind]
    rng = random.Random(11)
    for _ in range(200):
        fake = make(rng)
        alphabet = "0123456789K" if kind == "RUT" else "0123456789A" if kind == "RFC" else "0123456789"
        for other in alphabet:
            if other != fake[-1].upper():
                assert not is_valid(fake[:-1] + other), (fake, other)


@pytest.mark.parametrize("kind", sorted(_FAKES))
def test_fakes_changed_body_digit_mostly_invalidates(kind: str) -> None:
    # RUT and CUIT weights are all prime to 11, so every single-digit change is caught;
    # CPF/CNPJ fold remainders 0 and 1 together, CURP is mod 10 and RFC has a weight of 11,
    # so those miss a few changes by design.
    make, is_valid = _FAKES[kind]
    rng = random.Random(5)
    trials = caught = 0
    for _ in range(300):
        fake = make(rng)
        positions = [i for i, c in enumerate(fake[:-1]) if c.isdigit()]
        i = rng.choice(positions)
        changed = fake[:i] + str((int(fake[i]) + rng.randint(1, 9)) % 10) + fake[i + 1 :]
        trials += 1
        caught += not is_valid(changed)
    if kind in ("RUT", "CUIT"):
        assert caught == trials
    else:
        assert caught / trials >= 0.8


def test_fake_dni_has_seven_or_eight_digits() -> None:
    rng = random.Random(3)
    for _ in range(200):
        digits = fake_dni(rng, formatted=True).replace(".", "")
        assert digits.isdigit() and len(digits) in (7, 8)


def test_fake_rfc_persona_sets_length() -> None:
    rng = random.Random(2)
    assert len(fake_rfc(rng, persona="fisica")) == 13
    assert len(fake_rfc(rng, persona="moral")) == 12
    with pytest.raises(ValueError, match="persona"):
        fake_rfc(rng, persona="empresa")


def test_fakes_same_seed_same_output() -> None:
    assert [fake_cpf(random.Random(42)) for _ in range(3)] == [fake_cpf(random.Random(42)) for _ in range(3)]
    assert fake_curp(random.Random(1)) != fake_curp(random.Random(2))


# ---------------------------------------------------------------- issue 21: bank accounts and the Peruvian DNI
def test_validators_clabe_check_digit() -> None:
    from consultnlp.privacy.validators import clabe_check_digit, is_valid_clabe

    # Banxico's example 032180000118359719: weights 3,7,1 over 03218000011835971, products mod 10 sum to 61 -> (10 - 1) % 10 = 9.
    assert clabe_check_digit("03218000011835971") == "9"
    assert is_valid_clabe("032180000118359719") and is_valid_clabe("032 180 00011835971 9")
    assert not is_valid_clabe("032180000118359718")  # one digit off
    assert not is_valid_clabe("03218000011835971")  # 17 digits
    assert not is_valid_clabe("000000000000000000")


def test_validators_cbu_two_check_digits() -> None:
    from consultnlp.privacy.validators import is_valid_cbu

    assert is_valid_cbu("2850590940090418135201")  # python-stdnum's example
    assert is_valid_cbu("28505909 40090418135201")
    assert not is_valid_cbu("2850590940090418135202")  # second block's check digit wrong
    assert not is_valid_cbu("2850591940090418135201")  # first block's check digit wrong
    assert not is_valid_cbu("285059094009041813520")


def test_validators_peruvian_dni_with_its_check_character() -> None:
    from consultnlp.privacy.validators import is_valid_pe_dni

    # 10117410: python-stdnum computes check digit 2 (or the letter G); either is printed on the card.
    assert is_valid_pe_dni("10117410-2") and is_valid_pe_dni("10117410G") and is_valid_pe_dni("10117410 2")
    assert not is_valid_pe_dni("10117410-3") and not is_valid_pe_dni("10117410")


def test_validators_normalise_maps_back_to_the_original_span() -> None:
    from consultnlp.privacy.normalise import normalise

    text = "a ｊｕａｎ b%40c.cl d\u200be Jose\u0301"
    norm, offsets = normalise(text)
    assert norm == "a juan b@c.cl de José"
    assert offsets is not None
    start = norm.index("juan")
    assert text[slice(*offsets.span(start, start + 4))] == "ｊｕａｎ"
    start = norm.index("b@c.cl")
    assert text[slice(*offsets.span(start, start + 6))] == "b%40c.cl"
    start = norm.index("José")
    assert text[slice(*offsets.span(start, start + 4))] == "Jose\u0301"
    assert normalise("plain text, ñandú") == ("plain text, ñandú", None)
    assert normalise("100%25 y %ZZ")[0] == "100% y %ZZ"
