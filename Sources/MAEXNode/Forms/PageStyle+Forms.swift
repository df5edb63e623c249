extension PageStyle {
    /// The style of the forms, the error summary and the pager (appended to `css`).
    static let forms = """
        form.register fieldset{background:#fff;border:1px solid #dde;border-radius:8px;margin:1rem 0;padding:.6rem 1rem 1rem}\
        form.register legend{float:left;width:100%;font-weight:700;font-size:1.1rem;padding:.2rem 0 .3rem}\
        form.register fieldset>legend+*{clear:left}form.register h3{font-size:1rem;margin:1rem 0 .3rem}\
        .field{margin:.55rem 0;display:flex;flex-direction:column;gap:.15rem}.field>label,.field>.label{font-weight:600}\
        .field input[type=text],.field input[type=email],.field input[type=url],.field input[type=number],.field input[type=date],\
        .field select,.field textarea{width:100%;max-width:34rem;border:1px solid #8a94a0;border-radius:4px;padding:.4rem}\
        .field textarea{max-width:100%;font:inherit}.field small.hint{color:#555}.field.invalid input,.field.invalid select,.field.invalid textarea\
        {border:2px solid #b00020;background:#fff6f6}.field.invalid{border-left:4px solid #b00020;padding-left:.6rem}p.error{color:#b00020;font-weight:600;margin:.1rem 0}\
        .row{border-top:1px solid #e3e6ea;margin-top:.6rem}.sdg-choices{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));\
        gap:.3rem}label.sdg{display:flex;gap:.4rem;align-items:center;padding:.35rem .5rem;border-radius:4px;font-size:.9rem;\
        font-weight:600}label.check{display:flex;gap:.4rem;align-items:center;font-weight:400}\
        .errors{background:#fff6f6;border:2px solid #b00020;border-radius:8px;padding:.4rem 1rem;margin:1rem 0}\
        .errors h2{margin:.3rem 0;font-size:1.1rem}button[type=submit]{background:#19486a;color:#fff;border:0;border-radius:6px;\
        padding:.6rem 1.4rem;font-weight:700;cursor:pointer}nav.pager{display:flex;gap:1rem;align-items:center;margin:1rem 0}\
        @media (max-width:600px){.sdg-choices{grid-template-columns:1fr}form.register fieldset{padding:.4rem .6rem .8rem}}
        """
}
