// template.cpp — placeholder while the stage is written.
