// font_set.cpp — placeholder while the stage is written.
