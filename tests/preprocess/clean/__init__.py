"""Tests of kit.preprocess.clean's parts."""
