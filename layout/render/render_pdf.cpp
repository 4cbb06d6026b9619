// render_pdf.cpp — placeholder while the stage is written.
