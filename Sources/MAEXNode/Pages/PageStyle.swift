/// The one small style sheet of the pages, inlined in each page (no external resources).
enum PageStyle {
    static let css = """
        *{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;\
        color:#1a1a1a;background:#f6f7f9;line-height:1.45}a{color:#0b57a4}header.site{background:#19486a;color:#fff;\
        padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:baseline}header.site a{color:#fff}\
        .brand{font-weight:700;font-size:1.2rem;text-decoration:none}header nav{margin-left:auto;display:flex;flex-wrap:wrap;gap:.3rem 1rem}\
        main{max-width:960px;margin:0 auto;padding:1rem}h1{font-size:1.6rem;margin:.4rem 0}h2{font-size:1.2rem;\
        margin:1.6rem 0 .5rem}.muted{color:#555}.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));\
        gap:.6rem}.stats div{background:#fff;border-radius:8px;padding:.7rem;border:1px solid #dde}.stats strong{display:block;\
        font-size:1.4rem}.chart{background:#fff;border:1px solid #dde;border-radius:8px;padding:.5rem;overflow-x:auto}.chart svg{min-width:460px}ul.cards,ul.plain{list-style:none;\
        padding:0;margin:0}.card{background:#fff;border:1px solid #dde;border-radius:8px;padding:.7rem;margin:.5rem 0}\
        .card .name{font-weight:600;font-size:1.05rem}.tiles{display:flex;flex-wrap:wrap;gap:.3rem;margin:.4rem 0}\
        .tile{display:inline-flex;align-items:center;justify-content:center;border-radius:4px;font-weight:700;min-width:1.9rem;\
        height:1.9rem;padding:0 .3rem}.tile.large{width:8.5rem;min-height:7.5rem;flex-direction:column;font-size:.8rem;\
        text-align:center;padding:.4rem;line-height:1.2}.tile.large b{font-size:1.8rem}.tag{display:inline-block;background:#e8eef5;\
        border-radius:999px;padding:.05rem .55rem;margin:.1rem .2rem .1rem 0;font-size:.85rem}.tag.sr{background:#dff3e3}\
        .flag{display:inline-block;background:#fff1c2;border:1px solid #e0b400;border-radius:4px;padding:.05rem .45rem;\
        font-size:.85rem;margin-left:.4rem}form.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;background:#fff;\
        border:1px solid #dde;border-radius:8px;padding:.7rem}form.filters label{display:flex;flex-direction:column;font-size:.85rem}\
        input,select,button{font:inherit;padding:.3rem .4rem;max-width:100%}label.check{flex-direction:row!important;gap:.3rem;\
        align-items:center}.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;\
        padding:.35rem .5rem;border-bottom:1px solid #e3e6ea}td.num,th.num{text-align:right}dl.facts{display:grid;\
        grid-template-columns:max-content 1fr;gap:.2rem 1rem}dl.facts dt{color:#555}dl.facts dd{margin:0}\
        footer{max-width:960px;margin:2rem auto;padding:0 1rem;color:#555;font-size:.85rem}\
        @media (max-width:600px){main{padding:.6rem}h1{font-size:1.3rem}.tile.large{width:calc(50% - .3rem)}}\
        \(focus)
        """

    /// Keyboard focus always visible (WCAG 2.4.7): a thick dark outline with a white halo, so it
    /// shows on white, on the dark header and on every SDG colour; the skip link appears on focus.
    static let focus = """
        :focus-visible{outline:3px solid #1a1a1a;outline-offset:2px;box-shadow:0 0 0 5px #fff}\
        header.site :focus-visible{outline-color:#fff;box-shadow:0 0 0 5px #19486a}main:focus{outline:none;box-shadow:none}\
        .skip{position:absolute;left:-999px;top:.4rem;background:#fff;color:#0b57a4;padding:.4rem .8rem;z-index:10}\
        .skip:focus{left:.5rem}footer nav{margin-top:.6rem}
        """
}
