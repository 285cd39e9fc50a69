//! The PNG predictors of cross-reference streams (ISO 32000-1, 7.4.4.4): each row of the
//! table stored as its difference from the row above, so that it deflates well.

use super::object::Dict;
use super::PdfProblem;

/// Undoes a PNG predictor (used by cross-reference streams: ISO 32000-1, 7.4.4.4).
pub(super) fn predict(data: Vec<u8>, params: Option<&Dict>) -> Result<Vec<u8>, PdfProblem> {
    let Some(params) = params else {
        return Ok(data);
    };
    let predictor = params.get(b"Predictor").index().unwrap_or(1);
    if predictor < 10 {
        return Ok(data);
    }
    let colors = params.get(b"Colors").index().unwrap_or(1).clamp(1, 4);
    let bits = params
        .get(b"BitsPerComponent")
        .index()
        .unwrap_or(8)
        .clamp(1, 16);
    let columns = params
        .get(b"Columns")
        .index()
        .unwrap_or(1)
        .clamp(1, 1 << 20);
    let bpp = (colors * bits).div_ceil(8);
    let width = (colors * bits * columns).div_ceil(8);
    let mut out = Vec::with_capacity(data.len());
    let mut prev = vec![0u8; width];
    for row in data.chunks(width + 1) {
        let (kind, row) = row.split_first().ok_or(PdfProblem::Damaged)?;
        let mut cur = row.to_vec();
        cur.resize(width, 0);
        for i in 0..width {
            let left = if i >= bpp { cur[i - bpp] } else { 0 };
            let up = prev[i];
            let corner = if i >= bpp { prev[i - bpp] } else { 0 };
            let add = match kind {
                1 => left,
                2 => up,
                3 => ((u16::from(left) + u16::from(up)) / 2) as u8,
                4 => paeth(left, up, corner),
                _ => 0,
            };
            cur[i] = cur[i].wrapping_add(add);
        }
        out.extend_from_slice(&cur);
        prev = cur;
    }
    Ok(out)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}
